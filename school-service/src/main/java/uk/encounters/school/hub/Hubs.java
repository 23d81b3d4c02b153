package uk.encounters.school.hub;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Hubs as their streams say, for rules that span streams (a school joins or moves to an existing hub only). */
@Component
public class Hubs {

    private final EventStore eventStore;

    Hubs(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public boolean exists(String hubId) {
        return name(hubId).isPresent();
    }

    /** The hub's name, if there is such a hub. Reads one event at most: a hub's stream begins with its registration. */
    public Optional<String> name(String hubId) {
        DomainEventStream stream = eventStore.readEvents(hubId);
        return stream.hasNext() && stream.next().getPayload() instanceof HubRegistered registered
                ? Optional.of(registered.name()) : Optional.empty();
    }
}
