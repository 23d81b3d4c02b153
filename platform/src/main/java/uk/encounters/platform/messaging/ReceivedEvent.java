package uk.encounters.platform.messaging;

import java.time.Instant;
import java.util.Objects;
import uk.encounters.contracts.EventType;
import uk.encounters.contracts.IntegrationEvent;

/**
 * An integration event as a listener receives it: the decoded contract record with the identity and provenance
 * the publisher put in the headers. Write listeners as
 * {@code void on(ReceivedEvent<SchoolEvent> received) { switch (received.event()) { ... } }}.
 *
 * @param aggregateSequence the publishing aggregate's sequence number, or null for events no aggregate applied
 */
public record ReceivedEvent<E extends IntegrationEvent>(String topic, EventType<?> type, String eventId,
                                                         String aggregateId, Long aggregateSequence,
                                                         Instant occurredAt, String actingUser, E event) {

    public ReceivedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
    }

    /** Without the body: pupil data must never reach a log line through a listener's failure message. */
    @Override
    public String toString() {
        return "ReceivedEvent[" + type.typeName() + " " + eventId + " from " + aggregateId + "#" + aggregateSequence
                + " on " + topic + "]";
    }
}
