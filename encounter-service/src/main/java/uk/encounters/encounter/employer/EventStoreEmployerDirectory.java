package uk.encounters.encounter.employer;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads the employer's own stream rather than a projection: it is one indexed lookup, and it is never behind, so a
 * freshly registered employer can offer and be recorded at once.
 */
@Component
class EventStoreEmployerDirectory implements EmployerDirectory {

    private final EventStore eventStore;

    EventStoreEmployerDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<EmployerProfile> find(String employerId) {
        if (employerId == null || employerId.isBlank()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(employerId);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        // Ids of offers and encounters live in the same store; only an employer's stream starts like this.
        return first.getPayload() instanceof EmployerRegistered e
                ? Optional.of(new EmployerProfile(e.employerId(), e.name(), e.sector(), e.size(), e.postcode()))
                : Optional.empty();
    }
}
