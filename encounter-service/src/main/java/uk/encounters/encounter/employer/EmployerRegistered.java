package uk.encounters.encounter.employer;

import java.time.Instant;
import uk.encounters.contracts.encounter.EmployerSize;

public record EmployerRegistered(String employerId, String name, String sector, EmployerSize size, String postcode,
                                 Instant registeredAt) implements EmployerEvent {
}
