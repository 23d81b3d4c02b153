package uk.encounters.school.hub;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Whether a hub exists, for rules that span streams (a school joins or moves to an existing hub only). */
@Component
public class Hubs {

    private final EventStore eventStore;

    Hubs(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Reads one event at most: a hub's stream begins with its registration. */
    public boolean exists(String hubId) {
        DomainEventStream stream = eventStore.readEvents(hubId);
        return stream.hasNext() && stream.next().getPayload() instanceof HubRegistered;
    }
}
