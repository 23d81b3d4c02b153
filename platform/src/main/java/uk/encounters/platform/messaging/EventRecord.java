package uk.encounters.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.IntegrationEvents;

/**
 * An integration event as it travels on Kafka: keyed by the event's partition key, the contract record's JSON as the
 * value, identity and provenance in {@link EventHeaders}. The outbox writes records only through this, and
 * {@link IntegrationEventDeserializer} reads them back, so the wire format is defined once.
 *
 * @param aggregateSequence null for an event no aggregate applied (then {@code aggregateId} is null too)
 */
public record EventRecord(IntegrationEvent event, String eventId, String aggregateId, Long aggregateSequence,
                          Instant occurredAt, String actingUser) {

    public EventRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public ProducerRecord<String, byte[]> toProducerRecord(String topic) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.partitionKey(),
                EventJson.MAPPER.writeValueAsBytes(event));
        Headers headers = record.headers();
        add(headers, EventHeaders.TYPE, IntegrationEvents.REGISTRY.typeOf(event).typeName());
        add(headers, EventHeaders.EVENT_ID, eventId);
        if (aggregateId != null && aggregateSequence != null) {
            add(headers, EventHeaders.AGGREGATE_ID, aggregateId);
            add(headers, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(aggregateSequence));
        }
        add(headers, EventHeaders.OCCURRED_AT, occurredAt.toString());
        if (actingUser != null) {
            add(headers, EventHeaders.ACTING_USER, actingUser);
        }
        return record;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
