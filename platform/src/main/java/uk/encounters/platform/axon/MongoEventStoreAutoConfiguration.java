package uk.encounters.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import uk.encounters.platform.eventstore.MongoEventStorageEngine;

/**
 * Axon on the service's own MongoDB database: the platform's event storage engine, the event store in front of it,
 * and Axon's Mongo token and saga stores. Runs before Axon's auto-configurations so theirs back off; every bean
 * backs off in turn if a service declares its own.
 */
@AutoConfiguration(
        after = MongoAutoConfiguration.class,
        beforeName = {
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
                "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration"})
@ConditionalOnClass({MongoClient.class, EventStorageEngine.class, MongoTokenStore.class})
@EnableConfigurationProperties(EventStoreProperties.class)
public class MongoEventStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase serviceMongoDatabase(MongoClient client, Environment environment,
                                       ObjectProvider<MongoConnectionDetails> connectionDetails) {
        MongoConnectionDetails details = connectionDetails.getIfAvailable();
        return client.getDatabase(ServiceDatabaseName.resolve(environment,
                details == null ? null : details.getConnectionString()));
    }

    /**
     * Axon's Jackson serializer takes this mapper by name. Dates as ISO strings keep stored events readable and
     * upcasters simple; unknown properties are ignored so an older node can still read a newer event revision.
     */
    @Bean("defaultAxonObjectMapper")
    @ConditionalOnMissingBean(ObjectMapper.class)
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @ConditionalOnMissingBean
    EventStorageEngine eventStorageEngine(MongoDatabase database, EventStoreProperties properties,
                                          Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration) {
        return MongoEventStorageEngine.builder()
                                      .database(database)
                                      .collections(properties.eventsCollection(), properties.countersCollection(),
                                              properties.snapshotsCollection())
                                      .batchSize(properties.batchSize())
                                      .trackingBatchSize(properties.trackingBatchSize())
                                      .gapTimeout(properties.gapTimeout())
                                      .maxAppendAttempts(properties.maxAppendAttempts())
                                      .eventSerializer(eventSerializer)
                                      .snapshotSerializer(defaultSerializer)
                                      .upcasterChain(configuration.upcasterChain())
                                      .snapshotFilter(configuration.snapshotFilter())
                                      .build();
    }

    /**
     * Replaces Axon's own event store bean (same name and qualifier) only to shorten the fetch delay: appends from
     * this JVM wake the store at once, but appends from other nodes are only seen on the next poll, which by
     * default comes a second later.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean(EventBus.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, EventStoreProperties properties,
                                  Configuration configuration) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(storageEngine)
                                 .fetchDelay(Math.max(1, properties.fetchDelay().toMillis()))
                                 .timeUnit(TimeUnit.MILLISECONDS)
                                 .cachedEvents(properties.cachedEvents())
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                 .build();
    }

    @Bean
    @ConditionalOnMissingBean
    MongoTemplate axonMongoTemplate(MongoDatabase database, EventStoreProperties properties) {
        return DefaultMongoTemplate.builder()
                                   .mongoDatabase(database)
                                   .trackingTokensCollectionName(properties.tokensCollection())
                                   .sagasCollectionName(properties.sagasCollection())
                                   .build();
    }

    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                              .mongoTemplate(axonMongoTemplate)
                              .serializer(serializer)
                              .transactionManager(NoTransactionManager.INSTANCE)
                              .build();
    }

    /** Saga state goes through the general (Jackson) serializer: sagas need getters or annotated fields. */
    @Bean
    @ConditionalOnMissingBean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                             .mongoTemplate(axonMongoTemplate)
                             .serializer(serializer)
                             .transactionManager(NoTransactionManager.INSTANCE)
                             .build();
    }
}
