package uk.encounters.school.shoutout;

/** Only a pending offer can be accepted or declined. */
public enum OfferStatus {
    PENDING, ACCEPTED, DECLINED, WITHDRAWN
}
