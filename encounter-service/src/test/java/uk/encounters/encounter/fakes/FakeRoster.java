package uk.encounters.encounter.fakes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.encounter.roster.Roster;

/** An in-memory roll for fixture tests: one stay per pupil. */
public class FakeRoster implements Roster {

    private record Pupil(String schoolId, LocalDate admitted, LocalDate left) {
    }

    private final Map<String, Pupil> pupils = new HashMap<>();

    public FakeRoster enrolled(String pupilId, String schoolId, LocalDate admitted) {
        return enrolled(pupilId, schoolId, admitted, null);
    }

    public FakeRoster enrolled(String pupilId, String schoolId, LocalDate admitted, LocalDate left) {
        pupils.put(pupilId, new Pupil(schoolId, admitted, left));
        return this;
    }

    @Override
    public RosterCheck check(String schoolId, LocalDate date, Collection<String> pupilIds) {
        List<String> unseen = new ArrayList<>();
        List<String> otherSchool = new ArrayList<>();
        List<String> notOnRoll = new ArrayList<>();
        for (String id : pupilIds) {
            Pupil pupil = pupils.get(id);
            if (pupil == null) {
                unseen.add(id);
            } else if (!pupil.schoolId().equals(schoolId)) {
                otherSchool.add(id);
            } else if (pupil.admitted().isAfter(date) || (pupil.left() != null && date.isAfter(pupil.left()))) {
                notOnRoll.add(id);
            }
        }
        return new RosterCheck(unseen, otherSchool, notOnRoll);
    }
}
