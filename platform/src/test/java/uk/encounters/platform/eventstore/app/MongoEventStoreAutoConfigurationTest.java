package uk.encounters.platform.eventstore.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.eventstore.MongoEventStorageEngine;
import uk.encounters.platform.eventstore.TestMongo;

@SpringBootTest(properties = "axon.eventhandling.processors.counter-projection.mode=pooled")
class MongoEventStoreAutoConfigurationTest {

    private static final String DATABASE = TestMongo.uniqueDatabaseName(MongoEventStoreAutoConfigurationTest.class);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.forTests().springProperties(DATABASE).forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    CounterProjection projection;
    @Autowired
    MongoDatabase database;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    SagaStore<?> sagaStore;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void wiresAxonOnTheServicesOwnMongoDatabase() {
        assertThat(database.getName()).isEqualTo(DATABASE);
        assertThat(storageEngine).isInstanceOf(MongoEventStorageEngine.class);
        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
        assertThat(sagaStore).isInstanceOf(MongoSagaStore.class);
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
    }

    @Test
    void storesStreamsAndReloadsAnAggregate() {
        commands.sendAndWait(new Counter.CreateCounter("counter-1"));
        int afterFirst = commands.sendAndWait(new Counter.IncrementCounter("counter-1", 2));
        int afterSecond = commands.sendAndWait(new Counter.IncrementCounter("counter-1", 3));

        // Each command rebuilt the aggregate from the store, so the totals carry over.
        assertThat(afterFirst).isEqualTo(2);
        assertThat(afterSecond).isEqualTo(5);

        List<Document> stored = database.getCollection("events")
                                        .find(new Document("streamKeys", new Document("$in",
                                                List.of("counter-1:0", "counter-1:1", "counter-1:2"))))
                                        .into(new java.util.ArrayList<>());
        assertThat(stored).extracting(commit -> commit.getList("events", Document.class).getFirst()
                                                      .getString("payloadType"))
                          .contains(Counter.CounterCreated.class.getName(), Counter.CounterIncremented.class.getName());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(projection.received).containsExactly(
                new Counter.CounterCreated("counter-1"),
                new Counter.CounterIncremented("counter-1", 2, 2),
                new Counter.CounterIncremented("counter-1", 3, 5)));
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("tracking_tokens")
                .countDocuments(new Document("processorName", CounterProjection.GROUP)) > 0);
    }
}
