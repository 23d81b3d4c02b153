package uk.encounters.portal.school;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * reporting-service's answers as the careers leader's pages read them (its CoverageController's records, with the
 * fields these pages use). Pupils appear by id only; names are joined from the roll here, in the portal.
 */
final class Reports {

    private Reports() {
    }

    /** One measure over a group of pupils: percent is null where nobody is on roll. */
    record Figure(int onRoll, int met, BigDecimal percent, Boolean fullyAchieved) {
    }

    /** Work-experience hours of a year group's key stage; virtualHours only for Key Stage 3. */
    record HoursFigure(String keyStage, int onRoll, BigDecimal totalHours, BigDecimal virtualHours, int reachedWeek,
                       BigDecimal percentReachedWeek) {
    }

    /** gb6By16 is given for Years 7-11, gb6By18 for Years 12-13, hours for Years 7-11; null elsewhere. */
    record YearGroupCoverage(int yearGroup, Figure gb5, Figure gb6By16, Figure gb6By18,
                             HoursFigure workExperienceHours) {
    }

    record GroupCoverage(Figure gb5, Figure gb6By16, Figure gb6By18) {
    }

    /** Keyed as the service writes them: SEN status names, "true"/"false", gender names. */
    record Breakdowns(Map<String, GroupCoverage> bySen, Map<String, GroupCoverage> byPupilPremium,
                      Map<String, GroupCoverage> byGender) {
    }

    /** A school's coverage on asOf: headline measures (GB6 by 16 is null for a college), year groups, breakdowns. */
    record SchoolCoverage(String schoolId, String type, String academicYear, LocalDate asOf, String framework,
                          Figure gb5, Figure gb6By16, Figure gb6By18, Boolean gb5FullyAchieved,
                          Boolean gb6FullyAchieved, List<YearGroupCoverage> yearGroups, Breakdowns breakdowns) {

        YearGroupCoverage yearGroup(int year) {
            return yearGroups.stream().filter(y -> y.yearGroup() == year).findFirst().orElse(null);
        }
    }

    record AtRiskPupil(String pupilId, int yearGroup) {
    }

    /** An encounter behind a figure, with the events that made it count. */
    record EncounterEvidence(String encounterId, LocalDate date, String academicYear, int yearGroup,
                             String activityType, String framework, BigDecimal hours, String mode,
                             String curriculumArea, Boolean curriculumLinked, List<String> eventIds,
                             List<EvidenceEvent> events) {
    }

    /** One event behind a figure; {@code recordedBy} is the account id (null where reporting does not know it). */
    record EvidenceEvent(String eventId, String type, String recordedBy) {
    }

    record PupilEvidence(String pupilId, int yearGroup, List<EncounterEvidence> encounters) {
    }

    /** The pupils behind a school's met figure (yearGroup null: the headline figure's pupils). */
    record SchoolEvidence(String schoolId, String measure, Integer yearGroup, String academicYear, LocalDate asOf,
                          List<PupilEvidence> pupils) {
    }

    record PupilYear(String academicYear, int yearGroup, String framework, boolean gb5Met,
                     List<EncounterEvidence> gb5Encounters) {
    }

    record Gb6Progress(boolean met, int experiences, boolean twoOrMore, List<EncounterEvidence> encounters) {
    }

    record WorkExperienceHours(BigDecimal keyStage3, BigDecimal keyStage3Virtual, boolean keyStage3WeekReached,
                               BigDecimal keyStage4, boolean keyStage4WeekReached,
                               List<EncounterEvidence> keyStage3Encounters,
                               List<EncounterEvidence> keyStage4Encounters) {
    }

    /** One pupil's coverage: GB5 per academic year, GB6 by 16 (null for a college's learners) and by 18, hours. */
    record PupilCoverage(String pupilId, String schoolId, String schoolType, LocalDate asOf, List<PupilYear> years,
                         Gb6Progress gb6By16, Gb6Progress gb6By18, WorkExperienceHours workExperienceHours) {
    }

    /** An encounter's checklist answers, the framework it is judged by and per tagged benchmark the verdict. */
    record EncounterChecklist(String encounterId, String academicYear, String framework,
                              Map<String, Boolean> checklist, Map<String, Result> results, boolean withdrawn) {

        record Result(boolean checklistMet, Boolean override, String overrideReason, boolean meaningful) {
        }
    }
}
