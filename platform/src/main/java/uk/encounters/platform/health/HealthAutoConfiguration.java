package uk.encounters.platform.health;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health of the two things a service cannot work without. Both are in the readiness group (platform defaults),
 * so a service that loses Kafka or MongoDB stops receiving traffic but is not restarted.
 */
@AutoConfiguration(
        afterName = {"uk.encounters.platform.axon.MongoEventStoreAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"},
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class HealthAutoConfiguration {

    /** Named so that Boot's own MongoDB indicator, which the embedded server cannot answer, backs off. */
    @Bean
    @ConditionalOnBean(MongoDatabase.class)
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new MongoPingHealthIndicator(database);
    }

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    HealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }
}
