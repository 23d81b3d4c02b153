package uk.encounters.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A processor that is reset replays every event exactly once, and its stored token stays a few hundred bytes
 * however long the stream (the Axon Mongo extension's token grew until MongoDB rejected it).
 */
class ResetAndReplayTest {

    private static final int TOKEN_SIZE_LIMIT = 512;

    private EmbeddedEventStore eventStore;
    private TrackingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        if (eventStore != null) {
            eventStore.shutDown();
        }
    }

    @Test
    void replaysEveryEventExactlyOnceWithASmallToken() {
        MongoDatabase database = TestMongo.freshDatabase(ResetAndReplayTest.class);
        MongoEventStorageEngine engine = TestMongo.engine(database).build();
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(50).build();
        Set<String> published = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            List<EventMessage<?>> commit = new ArrayList<>(i % 100 == 0
                    ? TestEvents.things("replay-" + i, 0, 5)
                    : List.of(TestEvents.thing("replay-" + i, 0)));
            if (i % 250 == 0) {
                commit.add(TestEvents.announcement("note " + i));
            }
            eventStore.publish(commit);
            commit.forEach(event -> published.add(event.getIdentifier()));
        }
        int total = published.size();

        CountingHandler handler = new CountingHandler();
        MongoCollection<Document> tokens = database.getCollection("tracking_tokens");
        processor = processor(eventStore, handler, tokenStore(database));
        processor.start();
        // Events stored before a processor first starts already count as a replay for it (Axon's default).
        await().atMost(Duration.ofMinutes(1)).until(() -> handler.handled.get() == total);

        processor.shutDown();
        processor.resetTokens();
        assertThat(storedTokenSize(tokens)).isLessThan(TOKEN_SIZE_LIMIT);
        processor.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> handler.handled.get() == 2 * total);
        await().atMost(Duration.ofSeconds(10)).until(() -> !processor.isReplaying());

        assertThat(handler.deliveries.keySet()).isEqualTo(published);
        assertThat(handler.deliveries).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(2));
        assertThat(handler.replayed.get()).isGreaterThanOrEqualTo(total);
        assertThat(storedTokenSize(tokens)).isLessThan(TOKEN_SIZE_LIMIT);

        // After the replay the processor carries on with new events, no longer as replays.
        eventStore.publish(TestEvents.thing("after-replay", 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.handled.get() == 2 * total + 1);
        assertThat(handler.lastWasReplay).isFalse();
    }

    private static int storedTokenSize(MongoCollection<Document> tokens) {
        Document token = tokens.find(new Document("processorName", "replaying")).first();
        assertThat(token).isNotNull();
        Object value = token.get("token");
        return value instanceof Binary binary ? binary.length() : String.valueOf(value).length();
    }

    private static TrackingEventProcessor processor(EmbeddedEventStore store, EventMessageHandler handler,
                                                    TokenStore tokens) {
        return TrackingEventProcessor.builder()
                                     .name("replaying")
                                     .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                   .eventHandlers(handler).build())
                                     .messageSource(store)
                                     .tokenStore(tokens)
                                     .transactionManager(NoTransactionManager.INSTANCE)
                                     .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                                             .forSingleThreadedProcessing().andBatchSize(100))
                                     .build();
    }

    private static TokenStore tokenStore(MongoDatabase database) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database)
                                                                 .trackingTokensCollectionName("tracking_tokens").build())
                              .serializer(TestMongo.serializer())
                              .build();
    }

    private static final class CountingHandler implements EventMessageHandler {

        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        final AtomicInteger handled = new AtomicInteger();
        final AtomicInteger replayed = new AtomicInteger();
        volatile boolean lastWasReplay;

        @Override
        public Object handle(EventMessage<?> event) {
            deliveries.computeIfAbsent(event.getIdentifier(), id -> new AtomicInteger()).incrementAndGet();
            lastWasReplay = ReplayToken.isReplay(event);
            if (lastWasReplay) {
                replayed.incrementAndGet();
            }
            handled.incrementAndGet();
            return null;
        }

        @Override
        public boolean supportsReset() {
            return true;
        }
    }
}
