package uk.encounters.platform.messaging;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.encounters.infra.Infrastructure;

/**
 * The messaging tests' application: every platform auto-configuration, as a service gets it (the MongoDB event store
 * and token store included), against real Kafka and MongoDB from the shared test infrastructure.
 * <p>
 * Not Axon's {@code InMemoryEventStorageEngine}: it inserts a batch into its map in hash order, so a concurrent
 * reader can see a later position before an earlier one, move its token past the earlier one and never deliver it.
 * That made the outbox tests stall now and then under load, with every event handler idle.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class MessagingTestApplication {

    /** Turns the outbox on, publishing every test event as itself. */
    static class Publishing {
        @Bean
        OutboundEvents outboundEvents() {
            return TestEvents.IDENTITY;
        }
    }

    /** Points the context at the shared infrastructure, with its own database and topic names. */
    static void infrastructure(DynamicPropertyRegistry registry, String topic) {
        Infrastructure infra = Infrastructure.forTests();
        Map<String, String> spring = infra.springProperties("messaging-" + UUID.randomUUID().toString().substring(0, 8));
        spring.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("encounters.messaging.publish-topic", () -> topic);
        registry.add("spring.main.web-application-type", () -> "none");
    }

    static String uniqueTopic(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
