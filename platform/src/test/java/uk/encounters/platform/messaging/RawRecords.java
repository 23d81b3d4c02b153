package uk.encounters.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.testing.TestProducer;

/** Records written byte by byte, so the listener tests can put what no publisher would (bad JSON, unknown types). */
final class RawRecords {

    record Record(String type, String eventId, long sequence, byte[] body) {
    }

    private RawRecords() {
    }

    /** A well-formed enrolment at the school's roll, the given sequence. */
    static Record enrolment(String school, long sequence) {
        return new Record("school.PupilEnrolled.v1", UUID.randomUUID().toString(), sequence,
                EventJson.MAPPER.writeValueAsBytes(TestEvents.enrolled(school, "pupil-" + sequence)));
    }

    static Record of(String type, String eventId, long sequence, String body) {
        return new Record(type, eventId, sequence, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends all under the school's key (one partition, so in this order) and waits for the acknowledgements. */
    static void send(String topic, String school, Record... records) {
        try (var producer = TestProducer.create(Infrastructure.forTests().kafkaBootstrapServers())) {
            for (Record r : records) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, school, r.body());
                record.headers()
                        .add(EventHeaders.TYPE, bytes(r.type()))
                        .add(EventHeaders.EVENT_ID, bytes(r.eventId()))
                        .add(EventHeaders.AGGREGATE_ID, bytes(school))
                        .add(EventHeaders.AGGREGATE_SEQUENCE, bytes(Long.toString(r.sequence())))
                        .add(EventHeaders.OCCURRED_AT, bytes(Instant.now().toString()));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
