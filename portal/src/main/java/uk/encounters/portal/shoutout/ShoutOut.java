package uk.encounters.portal.shoutout;

import java.time.LocalDate;
import java.util.List;

/**
 * A school's shout-out as school-service shows it to the school, with the offers employers made on it.
 *
 * @param status OPEN, FILLED, WITHDRAWN or EXPIRED
 */
public record ShoutOut(String shoutOutId, String schoolId, String title, String description, String activityType,
                       List<String> sectors, List<Integer> yearGroups, String status, int places, int placesCovered,
                       LocalDate startDate, LocalDate endDate, String mode, String location, String withdrawalReason,
                       List<Offer> offers) {

    public ShoutOut {
        sectors = sectors == null ? List.of() : sectors;
        yearGroups = yearGroups == null ? List.of() : yearGroups;
        offers = offers == null ? List.of() : offers;
    }

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    public long pendingOffers() {
        return offers.stream().filter(Offer::isPending).count();
    }

    public List<Offer> acceptedOffers() {
        return offers.stream().filter(Offer::isAccepted).toList();
    }

    public Offer offer(String offerId) {
        return offers.stream().filter(o -> o.offerId().equals(offerId)).findFirst().orElse(null);
    }

    public String statusLabel() {
        return statusLabel(status);
    }

    static String statusLabel(String status) {
        return switch (status == null ? "" : status) {
            case "OPEN" -> "Open";
            case "FILLED" -> "Filled";
            case "WITHDRAWN" -> "Withdrawn";
            case "EXPIRED" -> "Expired";
            default -> String.valueOf(status);
        };
    }

    /**
     * An employer's offer on the shout-out.
     *
     * @param employerName   null until the employer's registration has reached school-service
     * @param employerSize   SELF_EMPLOYED, MICRO, SMALL, MEDIUM or LARGE
     * @param status         PENDING, ACCEPTED, DECLINED or WITHDRAWN
     * @param places         as offered; 0 where the employer did not say
     * @param reason         why it was declined or withdrawn
     */
    public record Offer(String offerId, String employerId, String employerName, String employerSector,
                        String employerSize, String status, LocalDate proposedDate, String message, int places,
                        int placesCovered, String reason, String receivedAt) {

        public boolean isPending() {
            return "PENDING".equals(status);
        }

        public boolean isAccepted() {
            return "ACCEPTED".equals(status);
        }

        /** The name, or a stand-in while school-service has not heard of the employer yet. */
        public String employer() {
            return employerName == null || employerName.isBlank() ? "An employer (name not known yet)" : employerName;
        }

        public String statusLabel() {
            return switch (status == null ? "" : status) {
                case "PENDING" -> "Waiting for your answer";
                case "ACCEPTED" -> "Accepted";
                case "DECLINED" -> "Declined";
                case "WITHDRAWN" -> "Withdrawn by the employer";
                default -> String.valueOf(status);
            };
        }

        public String badge() {
            return switch (status == null ? "" : status) {
                case "PENDING" -> "badge--warn";
                case "ACCEPTED" -> "badge--good";
                case "DECLINED", "WITHDRAWN" -> "badge--plain";
                default -> "badge--plain";
            };
        }
    }
}
