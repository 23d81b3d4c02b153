package uk.encounters.contracts.school;

/** Gender as recorded on the roll, for coverage breakdowns only. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    NOT_RECORDED
}
