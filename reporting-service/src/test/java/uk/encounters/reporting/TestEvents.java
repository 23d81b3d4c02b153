package uk.encounters.reporting;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.encounters.platform.messaging.EventRecord;

/** Plays the publishing services in tests: sends events in the platform's wire format and waits for each ack. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(),
                new ByteArraySerializer());
    }

    public void send(String topic, EventRecord event) {
        try {
            producer.send(event.toProducerRecord(topic)).get();
        } catch (Exception e) {
            throw new IllegalStateException("event " + event.eventId() + " not acknowledged", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
