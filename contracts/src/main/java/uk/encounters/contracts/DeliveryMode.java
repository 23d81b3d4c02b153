package uk.encounters.contracts;

/** How an activity is delivered; in Years 7-9 virtual activity is reported apart from in-person activity. */
public enum DeliveryMode {
    IN_PERSON,
    VIRTUAL,
    HYBRID
}
