package uk.encounters.encounter.roster;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Which pupils were on a school's roll on a date, as far as school-service's events have told us. Each school sees
 * only its own roll: a pupil id of another school's roll is, to this school, an id its roll never mentioned, so a
 * register cannot learn that the id exists elsewhere (issue 6).
 */
public interface Roster {

    /** Sorts the given pupil ids by what is wrong with them; ids that are fine appear in no list. */
    RosterCheck check(String schoolId, LocalDate date, Collection<String> pupilIds);

    /**
     * @param unseen    ids this school's roll events have never mentioned: possibly a roll upload this service has
     *                  not caught up with yet
     * @param notOnRoll ids on this school's roll, but not on that date (not yet admitted, or left before it)
     */
    record RosterCheck(List<String> unseen, List<String> notOnRoll) {

        public RosterCheck {
            unseen = List.copyOf(unseen);
            notOnRoll = List.copyOf(notOnRoll);
        }

        public boolean allOnRoll() {
            return unseen.isEmpty() && notOnRoll.isEmpty();
        }
    }
}
