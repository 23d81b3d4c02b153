package uk.encounters.reporting;

import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.platform.messaging.testing.TestProducer;

/** Plays the publishing services in tests: sends events in the platform's wire format and waits for each ack. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestEvents(String bootstrapServers) {
        producer = TestProducer.create(bootstrapServers);
    }

    public void send(String topic, EventRecord event) {
        try {
            producer.send(event.toProducerRecord(topic)).get();
        } catch (Exception e) {
            throw new IllegalStateException("event " + event.eventId() + " not acknowledged", e);
        }
    }

    /** Sends them all, then waits for every acknowledgement: much quicker than one at a time. */
    public void sendAll(String topic, List<EventRecord> events) {
        List<Future<RecordMetadata>> acknowledgements = events.stream()
                .map(event -> producer.send(event.toProducerRecord(topic))).toList();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get();
            } catch (Exception e) {
                throw new IllegalStateException("events not acknowledged on " + topic, e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
