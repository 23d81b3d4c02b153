package uk.encounters.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import uk.encounters.contracts.EventRegistry;
import uk.encounters.contracts.EventType;
import uk.encounters.contracts.IntegrationEvent;

/**
 * Decodes a record by its type header through the contracts registry. A well-formed type this build does not know
 * (a newer producer's) is not an error: it yields null and a marker header, and the listener container drops the
 * record. Anything else that cannot be decoded throws, which the error-handling wrapper turns into a record that
 * goes straight to the dead-letter topic. Exception messages name the type and event id, never the body.
 */
final class IntegrationEventDeserializer implements Deserializer<ReceivedEvent<?>> {

    /** Set on records skipped as an unknown type, so the container's filter can tell them from anything else. */
    static final String SKIPPED = "encounters-skipped-unknown-type";

    private final EventRegistry registry;
    private final BiConsumer<String, String> onUnknownType;

    IntegrationEventDeserializer(EventRegistry registry, BiConsumer<String, String> onUnknownType) {
        this.registry = registry;
        this.onUnknownType = onUnknownType;
    }

    @Override
    public ReceivedEvent<?> deserialize(String topic, byte[] data) {
        throw new SerializationException("Integration events are decoded by their headers; none were given");
    }

    @Override
    public ReceivedEvent<?> deserialize(String topic, Headers headers, byte[] data) {
        String typeName = header(headers, EventHeaders.TYPE)
                .orElseThrow(() -> new SerializationException("No " + EventHeaders.TYPE + " header"));
        String eventId = header(headers, EventHeaders.EVENT_ID)
                .orElseThrow(() -> new SerializationException("No " + EventHeaders.EVENT_ID + " header on a "
                        + typeName));
        Optional<EventType<?>> type = registry.byTypeName(typeName);
        if (type.isEmpty()) {
            if (!EventType.isWellFormedTypeName(typeName)) {
                throw new SerializationException("Malformed event type " + typeName + " on event " + eventId);
            }
            onUnknownType.accept(topic, typeName);
            headers.add(SKIPPED, typeName.getBytes(StandardCharsets.UTF_8));
            return null;
        }
        if (data == null) {
            throw new SerializationException("Empty body for " + typeName + " event " + eventId);
        }
        IntegrationEvent event;
        try {
            event = EventJson.MAPPER.readValue(data, type.get().type());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // The cause's message may quote the body; keep only its type.
            throw new SerializationException("Cannot read " + typeName + " event " + eventId + ": "
                    + e.getClass().getSimpleName());
        }
        return new ReceivedEvent<>(topic, type.get(), eventId,
                header(headers, EventHeaders.AGGREGATE_ID).orElse(null),
                header(headers, EventHeaders.AGGREGATE_SEQUENCE).map(v -> parseSequence(v, eventId)).orElse(null),
                header(headers, EventHeaders.OCCURRED_AT).map(v -> parseInstant(v, eventId)).orElse(null),
                header(headers, EventHeaders.ACTING_USER).orElse(null),
                event);
    }

    private static Long parseSequence(String value, String eventId) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new SerializationException("Bad " + EventHeaders.AGGREGATE_SEQUENCE + " on event " + eventId);
        }
    }

    private static Instant parseInstant(String value, String eventId) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new SerializationException("Bad " + EventHeaders.OCCURRED_AT + " on event " + eventId);
        }
    }

    static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
