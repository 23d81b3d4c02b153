package uk.encounters.school.shoutout;

/** Only an open shout-out takes offers and edits; the other three are final. */
public enum ShoutOutStatus {
    OPEN, WITHDRAWN, EXPIRED, FILLED
}
