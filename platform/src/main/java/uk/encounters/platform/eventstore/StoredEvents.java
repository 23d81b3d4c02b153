package uk.encounters.platform.eventstore;

import static uk.encounters.platform.eventstore.CommitDocuments.AGGREGATE_ID;
import static uk.encounters.platform.eventstore.CommitDocuments.AGGREGATE_TYPE;
import static uk.encounters.platform.eventstore.CommitDocuments.EVENT_ID;
import static uk.encounters.platform.eventstore.CommitDocuments.META_DATA;
import static uk.encounters.platform.eventstore.CommitDocuments.PAYLOAD;
import static uk.encounters.platform.eventstore.CommitDocuments.PAYLOAD_REVISION;
import static uk.encounters.platform.eventstore.CommitDocuments.PAYLOAD_TYPE;
import static uk.encounters.platform.eventstore.CommitDocuments.SEQUENCE;
import static uk.encounters.platform.eventstore.CommitDocuments.TIMESTAMP;

import org.axonframework.eventhandling.AbstractEventEntry;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

/** Turns stored event documents back into Axon's serialized forms, which Axon then upcasts and deserializes. */
final class StoredEvents {

    private StoredEvents() {
    }

    static boolean isDomainEvent(Document event) {
        return event.getString(AGGREGATE_ID) != null;
    }

    static DomainEventData<String> domainEvent(Document event) {
        return new GenericDomainEventEntry<>(event.getString(AGGREGATE_TYPE), event.getString(AGGREGATE_ID),
                event.getLong(SEQUENCE), event.getString(EVENT_ID), event.getString(TIMESTAMP),
                event.getString(PAYLOAD_TYPE), event.getString(PAYLOAD_REVISION), event.getString(PAYLOAD),
                event.getString(META_DATA));
    }

    /**
     * Axon tells domain from other events by whether the data implements {@link DomainEventData}, so an event
     * published outside an aggregate must come back as plain tracked data to stay a plain event message.
     */
    static TrackedEventData<String> trackedEvent(Document event, long position) {
        TrackingToken token = new GlobalSequenceTrackingToken(position);
        if (isDomainEvent(event)) {
            return new TrackedDomainEventData<>(token, domainEvent(event));
        }
        return new TrackedPlainEvent(token, event);
    }

    private static final class TrackedPlainEvent extends AbstractEventEntry<String>
            implements TrackedEventData<String> {

        private final TrackingToken token;

        private TrackedPlainEvent(TrackingToken token, Document event) {
            super(event.getString(EVENT_ID), event.getString(TIMESTAMP), event.getString(PAYLOAD_TYPE),
                    event.getString(PAYLOAD_REVISION), event.getString(PAYLOAD), event.getString(META_DATA));
            this.token = token;
        }

        @Override
        public TrackingToken trackingToken() {
            return token;
        }
    }
}
