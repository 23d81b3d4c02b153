package uk.encounters.portal.employer;

import java.util.Map;

/**
 * One of the employer's offers, to a shout-out or of an activity of its own, with where it stands.
 *
 * @param status OFFERED, ACCEPTED, DECLINED or WITHDRAWN, as the service says it
 * @param reason why the school declined (or the employer withdrew), if they said
 */
record OfferCard(String offerId, String shoutOutId, String title, String schoolName, String activity,
                 String proposedDate, String places, String mode, String message, String status, String reason,
                 String offeredAt) {

    static OfferCard of(Map<String, Object> offer) {
        Integer places = Fields.integer(offer, "places");
        return new OfferCard(Fields.text(offer, "offerId"), Fields.text(offer, "shoutOutId"),
                Fields.text(offer, "title"), Fields.text(offer, "schoolName"),
                Labels.activity(Fields.text(offer, "activityType")), Labels.date(Fields.text(offer, "proposedDate")),
                places == null ? null : Labels.plural(places, "place", "places"),
                Labels.mode(Fields.text(offer, "mode")), Fields.text(offer, "message"),
                Fields.text(offer, "status"), Fields.text(offer, "reason"),
                Labels.day(Fields.text(offer, "offeredAt")));
    }

    /** An activity of the employer's own, not an answer to a shout-out. */
    public boolean ownActivity() {
        return Fields.blank(shoutOutId);
    }

    /** Only an offer the school has not answered can be withdrawn (the service refuses the rest). */
    public boolean withdrawable() {
        return "OFFERED".equals(status);
    }

    public String statusLabel() {
        return switch (status == null ? "" : status) {
            case "OFFERED" -> "Offered";
            case "ACCEPTED" -> "Accepted";
            case "DECLINED" -> "Declined";
            case "WITHDRAWN" -> "Withdrawn";
            default -> status;
        };
    }

    /** The badge's look; its words say the same, so colour is never the only sign. */
    public String badgeClass() {
        return switch (status == null ? "" : status) {
            case "ACCEPTED" -> "badge badge--good";
            case "DECLINED" -> "badge badge--bad";
            case "WITHDRAWN" -> "badge badge--plain";
            default -> "badge";
        };
    }

    /** What the status means for the employer, in a sentence. */
    public String explanation() {
        return switch (status == null ? "" : status) {
            case "OFFERED" -> ownActivity() ? "Schools can take this up." : "Waiting for the school's answer.";
            case "ACCEPTED" -> "The school accepted. It records the encounter once it has taken place.";
            case "DECLINED" -> "The school declined this offer.";
            case "WITHDRAWN" -> "You withdrew this offer.";
            default -> "";
        };
    }
}
