package uk.encounters.encounter.fakes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.encounters.encounter.board.Board;

/** An in-memory board for fixture tests. */
public class FakeBoard implements Board {

    private final Map<String, BoardShoutOut> shoutOuts = new HashMap<>();

    public FakeBoard with(BoardShoutOut shoutOut) {
        shoutOuts.put(shoutOut.shoutOutId(), shoutOut);
        return this;
    }

    @Override
    public Optional<BoardShoutOut> shoutOut(String shoutOutId) {
        return Optional.ofNullable(shoutOutId == null ? null : shoutOuts.get(shoutOutId));
    }

    @Override
    public Map<String, BoardShoutOut> shoutOuts(Collection<String> shoutOutIds) {
        Map<String, BoardShoutOut> found = new HashMap<>();
        shoutOutIds.forEach(id -> shoutOut(id).ifPresent(s -> found.put(id, s)));
        return found;
    }

    @Override
    public Map<String, String> schoolNames(Collection<String> schoolIds) {
        return Map.of();
    }
}
