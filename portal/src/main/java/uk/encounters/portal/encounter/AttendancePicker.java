package uk.encounters.portal.encounter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attendance picker's content: the roll's pupils by year group with the ones chosen ticked. Pupils chosen but
 * not on the roll shown (a register from before they left) stay ticked in a group of their own, so correcting a
 * register never drops someone silently.
 */
public record AttendancePicker(List<Group> groups, int selectedCount) {

    static AttendancePicker of(List<RollPupil> roll, Collection<String> chosen) {
        Set<String> selected = chosen == null ? Set.of() : new HashSet<>(chosen);
        Map<Integer, List<Pupil>> byYear = new LinkedHashMap<>();
        roll.stream()
                .sorted(Comparator.comparingInt(RollPupil::yearGroup)
                        .thenComparing(RollPupil::surname).thenComparing(RollPupil::forename))
                .forEach(p -> byYear.computeIfAbsent(p.yearGroup(), y -> new ArrayList<>())
                        .add(new Pupil(p.pupilId(), p.name(), selected.contains(p.pupilId()))));
        List<Group> groups = new ArrayList<>();
        byYear.forEach((year, pupils) -> groups.add(new Group("Year " + year, "year-" + year, pupils)));
        Set<String> shown = new HashSet<>();
        roll.forEach(p -> shown.add(p.pupilId()));
        List<Pupil> others = selected.stream().filter(id -> !shown.contains(id)).sorted()
                .map(id -> new Pupil(id, "A pupil no longer on the roll", true)).toList();
        if (!others.isEmpty()) {
            groups.add(new Group("Not on the roll now", "others", others));
        }
        return new AttendancePicker(groups, (int) groups.stream().flatMap(g -> g.pupils().stream())
                .filter(Pupil::selected).count());
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** @param key used in element ids and the select-all selector */
    public record Group(String name, String key, List<Pupil> pupils) {
    }

    public record Pupil(String pupilId, String name, boolean selected) {

        @Override
        public String toString() {
            return "Pupil[" + pupilId + "]";
        }
    }
}
