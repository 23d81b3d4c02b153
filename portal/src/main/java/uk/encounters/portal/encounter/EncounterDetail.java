package uk.encounters.portal.encounter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One encounter in full as encounter-service shows it to its school: the latest register (pupil ids), the checklist
 * as answered, the result per benchmark with any override applied, and every change with its reason.
 *
 * @param framework  V2014 or V2024, the framework of the encounter's academic year
 * @param meaningful per tagged benchmark (GB5, GB6)
 */
public record EncounterDetail(String encounterId, String schoolId, String employerId, String employerName,
                              String sector, String employerSize, String activityType, List<String> benchmarks,
                              LocalDate date, String academicYear, BigDecimal hours, String mode, String location,
                              String curriculumArea, String status, List<String> attendees, int attendeeCount,
                              Map<String, Boolean> checklist, Map<String, Boolean> meaningful, String framework,
                              List<MeaningOverride> overrides, String withdrawalReason, String shoutOutId,
                              String offerId, List<Change> history) {

    public EncounterDetail {
        benchmarks = benchmarks == null ? List.of() : benchmarks;
        attendees = attendees == null ? List.of() : attendees;
        checklist = checklist == null ? Map.of() : checklist;
        meaningful = meaningful == null ? Map.of() : meaningful;
        overrides = overrides == null ? List.of() : overrides;
        history = history == null ? List.of() : history;
    }

    public boolean isRecorded() {
        return "RECORDED".equals(status);
    }

    public boolean isScheduled() {
        return "SCHEDULED".equals(status);
    }

    public String employer() {
        return employerOrStandIn(employerName);
    }

    public String statusLabel() {
        return statusLabel(status);
    }

    public String badge() {
        return badge(status);
    }

    static String employerOrStandIn(String name) {
        return name == null || name.isBlank() ? "An employer (name not known yet)" : name;
    }

    static String statusLabel(String status) {
        return switch (status == null ? "" : status) {
            case "SCHEDULED" -> "Scheduled, not yet recorded";
            case "RECORDED" -> "Recorded";
            case "CANCELLED" -> "Cancelled";
            case "WITHDRAWN" -> "Withdrawn: does not count";
            default -> String.valueOf(status);
        };
    }

    static String badge(String status) {
        return switch (status == null ? "" : status) {
            case "SCHEDULED" -> "badge--warn";
            case "RECORDED" -> "badge--good";
            default -> "badge--plain";
        };
    }

    /** A careers leader's verdict replacing the checklist's for one benchmark. */
    public record MeaningOverride(String benchmark, boolean meaningful, String reason, Instant at) {
    }

    /**
     * One change to the encounter.
     *
     * @param what SCHEDULED, CANCELLED, RECORDED, ATTENDANCE_CORRECTED, WITHDRAWN or MEANINGFULNESS_OVERRIDDEN
     * @param by   who cancelled (SCHOOL or EMPLOYER); null for other changes
     */
    public record Change(String what, Instant at, String reason, String by) {

        public String label() {
            return switch (what == null ? "" : what) {
                case "SCHEDULED" -> "Scheduled when the offer was accepted";
                case "CANCELLED" -> "SCHOOL".equals(by) ? "Cancelled by the school"
                        : "EMPLOYER".equals(by) ? "Cancelled by the employer" : "Cancelled";
                case "RECORDED" -> "Recorded as having taken place";
                case "ATTENDANCE_CORRECTED" -> "Register corrected";
                case "WITHDRAWN" -> "Withdrawn";
                case "MEANINGFULNESS_OVERRIDDEN" -> "Meaningfulness overridden";
                default -> String.valueOf(what);
            };
        }
    }
}
