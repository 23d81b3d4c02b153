package uk.encounters.contracts.encounter;

/** Employer size bands, self-employed included, for engagement-by-size reporting. */
public enum EmployerSize {
    SELF_EMPLOYED,
    MICRO,
    SMALL,
    MEDIUM,
    LARGE
}
