package uk.encounters.portal.hub;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.encounters.portal.web.Wording;

/**
 * A school's figures as its hub's coordinator sees them: the headline measures, year group by benchmark, and the
 * gaps by pupil group. Built from the coordinator's own report, which has no pupils in it; nothing here could name
 * one.
 */
record SchoolFigures(String schoolId, String name, String urn, String type, String academicYear, LocalDate asOf,
                     String framework, Cell gb5, Cell gb6By16, Cell gb6By18, Boolean gb5FullyAchieved,
                     Boolean gb6FullyAchieved, List<YearRow> years, List<GroupRow> bySen,
                     List<GroupRow> byPupilPremium, List<GroupRow> byGender) {

    private static final List<String> SEN = List.of("NONE", "SEN_SUPPORT", "EHC_PLAN");
    private static final List<String> GENDERS = List.of("FEMALE", "MALE", "OTHER", "NOT_RECORDED");

    /**
     * @param school   school-service's record of the school (name, URN, type, the year groups it teaches)
     * @param coverage reporting-service's figures of the school
     */
    static SchoolFigures of(Map<String, Object> school, Map<String, Object> coverage) {
        List<?> taught = school.get("yearGroups") instanceof List<?> list ? list : List.of();
        List<YearRow> years = new ArrayList<>();
        for (Map<String, Object> year : Json.maps(coverage.get("yearGroups"))) {
            Integer yearGroup = Json.integer(year.get("yearGroup"));
            Cell gb5 = Cell.of(year.get("gb5"));
            // The years the school teaches, and any other that has pupils on roll (a roll ahead of its record).
            if (taught.contains(yearGroup) || gb5.applicable()) {
                Map<String, Object> hours = Json.map(year.get("workExperienceHours"));
                years.add(new YearRow(yearGroup, gb5, Cell.of(year.get("gb6By16")), Cell.of(year.get("gb6By18")),
                        hours.isEmpty() ? Cell.NOT_APPLICABLE : new Cell(Json.integer(hours.get("onRoll")),
                                Json.integer(hours.get("reachedWeek")), Json.decimal(hours.get("percentReachedWeek")),
                                null),
                        Json.text(hours.get("keyStage")), Json.decimal(hours.get("totalHours"))));
            }
        }
        Map<String, Object> breakdowns = Json.map(coverage.get("breakdowns"));
        return new SchoolFigures(Json.text(school.get("schoolId")), Json.text(school.get("name")),
                Json.text(school.get("urn")), Json.text(school.get("type")), Json.text(coverage.get("academicYear")),
                Labels.parseDate(coverage.get("asOf")), Json.text(coverage.get("framework")),
                Cell.of(coverage.get("gb5")), Cell.of(coverage.get("gb6By16")), Cell.of(coverage.get("gb6By18")),
                Json.bool(coverage.get("gb5FullyAchieved")), Json.bool(coverage.get("gb6FullyAchieved")),
                List.copyOf(years), groups(breakdowns.get("bySen"), SEN),
                groups(breakdowns.get("byPupilPremium"), List.of("true", "false")),
                groups(breakdowns.get("byGender"), GENDERS));
    }

    private static List<GroupRow> groups(Object byGroup, List<String> order) {
        Map<String, Object> groups = Json.map(byGroup);
        List<GroupRow> rows = new ArrayList<>();
        for (String key : order) {
            Map<String, Object> group = Json.map(groups.get(key));
            if (!group.isEmpty()) {
                rows.add(new GroupRow(label(key), Cell.of(group.get("gb5")), Cell.of(group.get("gb6By16")),
                        Cell.of(group.get("gb6By18"))));
            }
        }
        return List.copyOf(rows);
    }

    private static String label(String key) {
        return switch (key) {
            case "true" -> "Pupil premium";
            case "false" -> "Not pupil premium";
            case "NONE" -> "No SEN";
            default -> Wording.group(key);
        };
    }

    public String typeText() {
        return Wording.group(type);
    }

    public String asOfText() {
        return Wording.date(asOf);
    }

    /** V2024 as "2024 update" (Good Career Guidance: The Next 10 Years). */
    public String frameworkText() {
        return Wording.framework(framework);
    }

    /**
     * @param hours     the share of the key stage's pupils with a week's worth (25 hours) of work experience
     * @param keyStage  KS3 or KS4; null in Years 12-13
     */
    record YearRow(int yearGroup, Cell gb5, Cell gb6By16, Cell gb6By18, Cell hours, String keyStage,
                   BigDecimal totalHours) {
    }

    record GroupRow(String label, Cell gb5, Cell gb6By16, Cell gb6By18) {
    }
}
