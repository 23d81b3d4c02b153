package uk.encounters.school.institution;

import java.util.Set;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import uk.encounters.school.shoutout.TaughtYearGroups;

/**
 * The year groups a school teaches, for edits of its shout-outs. Only registration sets them, so reading the first
 * event of the school's stream is enough; revisit if an event ever changes them.
 */
@Component
class SchoolYearGroups implements TaughtYearGroups {

    private final EventStore eventStore;

    SchoolYearGroups(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Set<Integer> of(String schoolId) {
        DomainEventStream stream = eventStore.readEvents(schoolId);
        return stream.hasNext() && stream.next().getPayload() instanceof SchoolRegistered registered
                ? registered.yearGroups()
                : Set.of();
    }
}
