package uk.encounters.contracts.school;

/** Colleges have their own GB5 and GB6 rules. */
public enum SchoolType {
    SCHOOL,
    SPECIAL_SCHOOL,
    COLLEGE
}
