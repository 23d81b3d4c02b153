package uk.encounters.encounter.fakes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.encounter.roster.Roster;

/** An in-memory roll for fixture tests: one stay per pupil, each school seeing only its own roll. */
public class FakeRoster implements Roster {

    private record Stay(LocalDate admitted, LocalDate left) {
    }

    private final Map<List<String>, Stay> pupils = new HashMap<>();

    public FakeRoster enrolled(String pupilId, String schoolId, LocalDate admitted) {
        return enrolled(pupilId, schoolId, admitted, null);
    }

    public FakeRoster enrolled(String pupilId, String schoolId, LocalDate admitted, LocalDate left) {
        pupils.put(List.of(schoolId, pupilId), new Stay(admitted, left));
        return this;
    }

    @Override
    public RosterCheck check(String schoolId, LocalDate date, Collection<String> pupilIds) {
        List<String> unseen = new ArrayList<>();
        List<String> notOnRoll = new ArrayList<>();
        for (String id : pupilIds) {
            Stay pupil = pupils.get(List.of(schoolId, id));
            if (pupil == null) {
                unseen.add(id);
            } else if (pupil.admitted().isAfter(date) || (pupil.left() != null && date.isAfter(pupil.left()))) {
                notOnRoll.add(id);
            }
        }
        return new RosterCheck(unseen, notOnRoll);
    }
}
