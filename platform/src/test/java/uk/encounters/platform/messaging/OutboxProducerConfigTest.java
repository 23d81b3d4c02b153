package uk.encounters.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class OutboxProducerConfigTest {

    @Test
    void theOutboxGuaranteesCannotBeConfiguredAway() {
        Map<String, Object> fromProperties = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx");

        Map<String, Object> config = MessagingAutoConfiguration.outboxProducerConfig(fromProperties,
                new MessagingProperties.Producer(Duration.ofMillis(5), 262_144, Duration.ofMinutes(2), "lz4"));

        assertThat(config)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                // a later request must never overtake a refused first one on a new partition (KAFKA-15591)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000)
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }
}
