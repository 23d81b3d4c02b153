package uk.encounters.platform.messaging;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead letter back in the wire format: undecodable records keep their original bytes, decoded ones are
 * written as the contract JSON again (the original headers, type included, are copied by the recoverer).
 */
final class DeadLetterSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        return switch (data) {
            case null -> null;
            case byte[] bytes -> bytes;
            case ReceivedEvent<?> received -> EventJson.MAPPER.writeValueAsBytes(received.event());
            default -> throw new SerializationException("Cannot dead-letter a " + data.getClass().getName());
        };
    }
}
