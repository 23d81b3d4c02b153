package uk.encounters.school.institution;

import java.util.Optional;
import java.util.SortedSet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.school.SchoolType;

/**
 * A school as its stream says now, read from the event store, so it is never behind a registration or a hub move.
 * The stream holds the registration and hub moves only, so reading it whole stays small.
 */
@Component
public class Schools {

    private final EventStore eventStore;

    Schools(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @param hubId the hub the school is in now */
    public record CurrentSchool(String schoolId, String urn, String name, SchoolType type, String hubId,
                                SortedSet<Integer> yearGroups) {
    }

    public Optional<CurrentSchool> find(String schoolId) {
        DomainEventStream stream = eventStore.readEvents(schoolId);
        if (!stream.hasNext() || !(stream.next().getPayload() instanceof SchoolRegistered registered)) {
            return Optional.empty();
        }
        String hubId = registered.hubId();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof SchoolMovedHub moved) {
                hubId = moved.hubId();
            }
        }
        return Optional.of(new CurrentSchool(registered.schoolId(), registered.urn(), registered.name(),
                registered.type(), hubId, registered.yearGroups()));
    }
}
