package uk.encounters.reporting;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.encounters.infra.Infrastructure;

/**
 * A test's own event topics and database on the shared test infrastructure, so tests in one JVM never read each
 * other's events; the service trusts the test issuer.
 */
public record TestTopics(String school, String encounter) {

    public static TestTopics fresh() {
        return new TestTopics("school.events-" + UUID.randomUUID(), "encounter.events-" + UUID.randomUUID());
    }

    public void register(DynamicPropertyRegistry registry, String databasePrefix) {
        Infrastructure.forTests().springProperties(databasePrefix + "-" + UUID.randomUUID())
                .forEach((key, value) -> registry.add(key, () -> value));
        Bearer.trustTestIssuer(registry);
        registry.add("encounters.topics.school", this::school);
        registry.add("encounters.topics.encounter", this::encounter);
        registry.add("encounters.messaging.consumed-topics", () -> school + "," + encounter);
    }
}
