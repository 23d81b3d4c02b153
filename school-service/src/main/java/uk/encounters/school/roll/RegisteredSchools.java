package uk.encounters.school.roll;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.school.institution.SchoolRegistered;

/** What the roll needs to know about a school, read from the first event of its stream (one small read). */
@Component
class RegisteredSchools {

    private final EventStore eventStore;

    RegisteredSchools(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<SchoolRegistered> find(String schoolId) {
        DomainEventStream stream = eventStore.readEvents(schoolId);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        return stream.next().getPayload() instanceof SchoolRegistered registered
                ? Optional.of(registered) : Optional.empty();
    }

    SchoolRegistered get(String schoolId) {
        return find(schoolId).orElseThrow(() -> ProblemException.notFound("There is no school with id " + schoolId + "."));
    }
}
