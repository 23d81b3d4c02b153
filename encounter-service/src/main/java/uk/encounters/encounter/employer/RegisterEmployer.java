package uk.encounters.encounter.employer;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.encounters.contracts.encounter.EmployerSize;

public record RegisterEmployer(@TargetAggregateIdentifier String employerId, String name, String sector,
                               EmployerSize size, String postcode, Instant registeredAt) {
}
