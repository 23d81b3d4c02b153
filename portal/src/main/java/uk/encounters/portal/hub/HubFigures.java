package uk.encounters.portal.hub;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uk.encounters.portal.web.Wording;

/**
 * A hub's report on one date, each school named: the heatmap's rows and the shares of schools fully achieving.
 *
 * @param schools by name
 */
record HubFigures(String hubId, String hubName, String academicYear, LocalDate asOf, List<SchoolRow> schools,
                  Share gb5, Share gb6) {

    public String asOfText() {
        return Wording.date(asOf);
    }

    public int pupilsOnRoll() {
        return schools.stream().mapToInt(s -> s.gb5().applicable() ? s.gb5().onRoll() : 0).sum();
    }

    public int pupilsMetGb5() {
        return schools.stream().mapToInt(s -> s.gb5().applicable() ? s.gb5().met() : 0).sum();
    }

    /**
     * One school's line. {@code reported} is false for a school reporting-service has no figures for yet (registered
     * a moment ago); its cells are then not applicable.
     */
    record SchoolRow(String schoolId, String name, String urn, String type, Cell gb5, Cell gb6By16, Cell gb6By18,
                     Boolean gb5FullyAchieved, Boolean gb6FullyAchieved, boolean reported) {

        /** SCHOOL as "School", SPECIAL_SCHOOL as "Special school" (Wording writes unknown codes that way). */
        public String typeText() {
            return Wording.group(type);
        }

        public String gb5Achieved() {
            return achieved(gb5FullyAchieved);
        }

        public String gb6Achieved() {
            return achieved(gb6FullyAchieved);
        }

        private static String achieved(Boolean fully) {
            return fully == null ? "not applicable" : fully ? "yes" : "no";
        }
    }

    /**
     * Of the schools a benchmark applies to, how many fully achieve it; the percentage is null when it applies to
     * none.
     */
    record Share(int applicableSchools, int fullyAchievingSchools, BigDecimal percent) {

        public String percentText() {
            return Cell.percentText(percent);
        }
    }
}
