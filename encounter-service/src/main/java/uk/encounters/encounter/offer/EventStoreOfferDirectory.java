package uk.encounters.encounter.offer;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads the offer's first event: the parties never change, and the stream is never behind. */
@Component
class EventStoreOfferDirectory implements OfferDirectory {

    private final EventStore eventStore;

    EventStoreOfferDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<OfferParties> find(String offerId) {
        if (offerId == null || offerId.isBlank()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(offerId);
        return stream.hasNext() && stream.next().getPayload() instanceof EmployerOffered e
                ? Optional.of(new OfferParties(e.offerId(), e.employerId(), e.schoolId(), e.shoutOutId()))
                : Optional.empty();
    }
}
