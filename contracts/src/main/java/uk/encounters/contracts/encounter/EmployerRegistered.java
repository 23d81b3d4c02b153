package uk.encounters.contracts.encounter;

/** An employer joined the platform. */
public record EmployerRegistered(String employerId, String name, String sector, EmployerSize size, String postcode)
        implements EncounterEvent {

    public EmployerRegistered {
        Copies.required(employerId, "employerId");
    }

    @Override
    public String partitionKey() {
        return employerId;
    }
}
