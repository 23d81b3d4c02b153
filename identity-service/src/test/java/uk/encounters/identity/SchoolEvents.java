package uk.encounters.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import uk.encounters.contracts.school.HubRegistered;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.platform.messaging.testing.TestProducer;

/** Plays school-service: publishes hub and school events in the platform's wire format and waits for each ack. */
public final class SchoolEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public SchoolEvents(String bootstrapServers) {
        producer = TestProducer.create(bootstrapServers);
    }

    public void hubRegistered(String hubId) {
        send(new EventRecord(new HubRegistered(hubId, "Hub " + hubId), UUID.randomUUID().toString(), hubId, 0L,
                Instant.now(), "admin"));
    }

    public void schoolRegistered(String schoolId, String hubId) {
        send(new EventRecord(new SchoolRegistered(schoolId, "100001", "School " + schoolId, SchoolType.SCHOOL, hubId,
                List.of(7, 8, 9, 10, 11)), UUID.randomUUID().toString(), schoolId, 0L, Instant.now(), "admin"));
    }

    public void schoolMoved(String schoolId, String from, String to, long sequence) {
        send(new EventRecord(new SchoolMovedHub(schoolId, from, to), UUID.randomUUID().toString(), schoolId, sequence,
                Instant.now(), "admin"));
    }

    private void send(EventRecord event) {
        try {
            producer.send(event.toProducerRecord("school.events")).get();
        } catch (Exception e) {
            throw new IllegalStateException("event " + event.eventId() + " not acknowledged", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
