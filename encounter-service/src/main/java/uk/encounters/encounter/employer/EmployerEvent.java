package uk.encounters.encounter.employer;

/** Everything that happens to an employer, as stored in this service's event store. */
public sealed interface EmployerEvent permits EmployerRegistered {

    String employerId();
}
