package uk.encounters.portal.shoutout;

import java.util.List;

/**
 * The signed-in careers leader's school, as school-service describes it (no pupil data).
 *
 * @param type       SCHOOL, SPECIAL_SCHOOL or COLLEGE
 * @param yearGroups the year groups it teaches
 */
public record School(String schoolId, String name, String type, List<Integer> yearGroups) {

    /** Years 7 to 13, for a school whose record names none. */
    static final List<Integer> ALL_YEARS = List.of(7, 8, 9, 10, 11, 12, 13);

    public School {
        yearGroups = yearGroups == null || yearGroups.isEmpty() ? ALL_YEARS : yearGroups.stream().sorted().toList();
    }

    public boolean isCollege() {
        return "COLLEGE".equals(type);
    }
}
