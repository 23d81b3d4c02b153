package uk.encounters.contracts.encounter;

/**
 * An offer to a school is keyed by the school, so it stays in order with the school's encounters; an employer's
 * own activity, offered to no school yet, is keyed by the employer. Both events of one offer carry the same
 * school id (null or not), so they always share a key.
 */
final class OfferKeys {

    private OfferKeys() {
    }

    static String of(String schoolId, String employerId) {
        return schoolId != null ? schoolId : employerId;
    }
}
