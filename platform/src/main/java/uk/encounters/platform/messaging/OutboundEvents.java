package uk.encounters.platform.messaging;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import uk.encounters.contracts.IntegrationEvent;

/**
 * A service's translation of its stored domain events into the integration events it publishes. Defining a bean
 * of this type turns the Kafka outbox on. Most domain events map to nothing; an event that does maps to exactly
 * one contract record. It must be a pure function of the stored event, because a reset of the outbox
 * republishes history through it.
 */
@FunctionalInterface
public interface OutboundEvents {

    Optional<? extends IntegrationEvent> map(EventMessage<?> event);
}
