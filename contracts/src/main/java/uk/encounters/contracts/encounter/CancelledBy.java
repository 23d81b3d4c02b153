package uk.encounters.contracts.encounter;

/** Which side called an encounter off. */
public enum CancelledBy {
    SCHOOL,
    EMPLOYER
}
