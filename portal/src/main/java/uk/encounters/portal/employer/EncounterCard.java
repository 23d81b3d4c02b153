package uk.encounters.portal.employer;

import java.util.Map;

/**
 * An encounter the employer took part in. The school keeps who attended; the employer sees how many, nothing more.
 *
 * @param attendees "28 pupils", or null while the school has not recorded the register
 */
record EncounterCard(String encounterId, String schoolName, String activity, String date, String hours,
                     String mode, String location, String status, String attendees) {

    static EncounterCard of(Map<String, Object> encounter) {
        Double hours = Fields.decimal(encounter, "hours");
        Integer count = Fields.integer(encounter, "attendeeCount");
        String status = Fields.text(encounter, "status");
        return new EncounterCard(Fields.text(encounter, "encounterId"), Fields.text(encounter, "schoolName"),
                Labels.activity(Fields.text(encounter, "activityType")), Labels.date(Fields.text(encounter, "date")),
                hours == null ? null : hoursText(hours), Labels.mode(Fields.text(encounter, "mode")),
                Fields.text(encounter, "location"), status,
                count == null || "SCHEDULED".equals(status) ? null : Labels.plural(count, "pupil", "pupils"));
    }

    static String hoursText(double hours) {
        String figure = hours == Math.rint(hours) ? String.valueOf((long) hours)
                : String.format(java.util.Locale.UK, "%.1f", hours);
        return figure + (hours == 1 ? " hour" : " hours");
    }

    public String statusLabel() {
        return switch (status == null ? "" : status) {
            case "SCHEDULED" -> "Scheduled";
            case "RECORDED" -> "Recorded";
            case "CANCELLED" -> "Cancelled";
            case "WITHDRAWN" -> "Withdrawn";
            default -> status;
        };
    }

    public String badgeClass() {
        return switch (status == null ? "" : status) {
            case "RECORDED" -> "badge badge--good";
            case "CANCELLED", "WITHDRAWN" -> "badge badge--plain";
            default -> "badge";
        };
    }
}
