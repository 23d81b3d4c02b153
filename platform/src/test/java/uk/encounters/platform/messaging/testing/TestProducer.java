package uk.encounters.platform.messaging.testing;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer tests use to play a publishing service, safe to use on a topic created a moment ago. */
public final class TestProducer {

    private TestProducer() {
    }

    /**
     * Idempotent, {@code acks=all}, no linger, and one request in flight. Tests produce as soon as the service under
     * test has created its topics, and a broker that has not yet applied a new partition answers the first request
     * with NOT_LEADER_OR_FOLLOWER. With several requests in flight a later one can land first; the retried first one
     * then fails with OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout expires it (KAFKA-15591, fixed in the
     * broker by apache/kafka#23234, not in 4.2.2; CI saw "Expiring 49 record(s) ... 120000 ms"). One request at a time cannot be overtaken.
     */
    public static KafkaProducer<String, byte[]> create(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new StringSerializer(), new ByteArraySerializer());
    }
}
