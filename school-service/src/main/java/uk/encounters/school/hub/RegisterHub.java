package uk.encounters.school.hub;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterHub(@TargetAggregateIdentifier String hubId, String name, Instant registeredAt) {
}
