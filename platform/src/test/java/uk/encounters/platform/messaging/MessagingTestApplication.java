package uk.encounters.platform.messaging;

import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.encounters.infra.Infrastructure;

/**
 * The messaging tests' application: every platform auto-configuration, real Kafka and MongoDB from the shared test
 * infrastructure, and Axon's in-memory event storage and token store, so these tests exercise the outbox and the
 * consumers without depending on the Mongo event store's own tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class MessagingTestApplication {

    @Bean
    EventStorageEngine eventStorageEngine() {
        return new InMemoryEventStorageEngine();
    }

    @Bean
    TokenStore tokenStore() {
        return new InMemoryTokenStore();
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
