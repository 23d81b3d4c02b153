package uk.encounters.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.encounters.infra.EmbeddedMongo;

/**
 * Throughput of the event store beside the raw rate of the same server in the same run. Not a test: run it with
 * {@code ./mvnw -q -B -pl platform -am test -Dtest=EventStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the markdown table it prints. {@code -Dbenchmark.repetitions=5} and {@code -Dbenchmark.backends=memory}
 * adjust the run. It stays out of test runs that merely match its package, such as {@code -Dtest='...eventstore.**'}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*Benchmark.*", disabledReason = "run with -Dtest=EventStoreBenchmark")
class EventStoreBenchmark {

    private static final int REPETITIONS = Integer.getInteger("benchmark.repetitions", 3);
    private static final String BACKENDS = System.getProperty("benchmark.backends", "memory,h2");
    private static final int SINGLE_COMMITS = 3_000;
    private static final int BATCH_COMMITS = 200;
    private static final int BATCH_SIZE = 100;
    private static final int STORED_EVENTS = 100_000;
    private static final int STORED_COMMIT_SIZE = 10;
    private static final int AGGREGATE_LENGTH = 50;
    private static final int LOADS = 200;
    private static final String PAYLOAD = "x".repeat(120);

    private final List<String> rows = new ArrayList<>();

    @Test
    void run() throws Exception {
        for (String backend : BACKENDS.split(",")) {
            Path file = Files.createTempDirectory("eventstore-bench").resolve("bench.mv");
            try (EmbeddedMongo server = backend.equals("h2") ? EmbeddedMongo.persistent(file, 0)
                    : EmbeddedMongo.inMemory();
                 MongoClient client = MongoClients.create(server.connectionString())) {
                measure(backend, client);
            }
        }
        System.out.println();
        System.out.printf("Event store benchmark: %d repetitions, medians; JDK %s, %d cores%n", REPETITIONS,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| backend | measure | event store | raw driver, same server | ratio |");
        System.out.println("|---|---|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private void measure(String backend, MongoClient client) {
        row(backend, "appends, 1-event commits (events/s)",
                median(() -> singleEventAppends(fresh(client))), median(() -> rawInsertOne(fresh(client))));
        row(backend, "appends, 100-event commits (events/s)",
                median(() -> batchedAppends(fresh(client))), median(() -> rawInsertMany(fresh(client))));

        MongoDatabase stored = fresh(client);
        MongoEventStorageEngine engine = TestMongo.engine(stored).trackingBatchSize(500).build();
        fill(engine);
        MongoCollection<Document> raw = stored.getCollection("raw");
        fillRaw(raw);
        row(backend, "tracking read from tail, " + STORED_EVENTS / 1000 + "k events (events/s)",
                median(() -> trackingRead(engine)), median(() -> rawScan(raw)));
        row(backend, "aggregate load, " + AGGREGATE_LENGTH + " events among " + STORED_EVENTS / 1000
                        + "k (loads/s)",
                median(() -> aggregateLoads(engine)), median(() -> rawLoads(raw)));
    }

    private static MongoDatabase fresh(MongoClient client) {
        return client.getDatabase("bench_" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static double singleEventAppends(MongoDatabase database) {
        MongoEventStorageEngine engine = TestMongo.engine(database).build();
        long[] sequences = new long[100];
        long start = System.nanoTime();
        for (int i = 0; i < SINGLE_COMMITS; i++) {
            int aggregate = i % 100;
            engine.appendEvents(TestEvents.thing("agg-" + aggregate, sequences[aggregate]++));
        }
        return rate(SINGLE_COMMITS, start);
    }

    private static double rawInsertOne(MongoDatabase database) {
        MongoCollection<Document> collection = database.getCollection("raw");
        long start = System.nanoTime();
        for (int i = 0; i < SINGLE_COMMITS; i++) {
            collection.insertOne(rawEvent(i));
        }
        return rate(SINGLE_COMMITS, start);
    }

    private static double batchedAppends(MongoDatabase database) {
        MongoEventStorageEngine engine = TestMongo.engine(database).build();
        long start = System.nanoTime();
        for (int i = 0; i < BATCH_COMMITS; i++) {
            engine.appendEvents(TestEvents.things("batch-" + i, 0, BATCH_SIZE));
        }
        return rate(BATCH_COMMITS * BATCH_SIZE, start);
    }

    private static double rawInsertMany(MongoDatabase database) {
        MongoCollection<Document> collection = database.getCollection("raw");
        long start = System.nanoTime();
        for (int i = 0; i < BATCH_COMMITS; i++) {
            List<Document> batch = new ArrayList<>(BATCH_SIZE);
            for (int j = 0; j < BATCH_SIZE; j++) {
                batch.add(rawEvent(i * BATCH_SIZE + j));
            }
            collection.insertMany(batch);
        }
        return rate(BATCH_COMMITS * BATCH_SIZE, start);
    }

    /** Commits of ten events, each commit one aggregate's next ten; the aggregates are 50 events long. */
    private static void fill(MongoEventStorageEngine engine) {
        int aggregates = STORED_EVENTS / AGGREGATE_LENGTH;
        for (int round = 0; round < AGGREGATE_LENGTH / STORED_COMMIT_SIZE; round++) {
            for (int aggregate = 0; aggregate < aggregates; aggregate++) {
                List<DomainEventMessage<?>> commit = TestEvents.things("stored-" + aggregate,
                        (long) round * STORED_COMMIT_SIZE, STORED_COMMIT_SIZE);
                engine.appendEvents(commit);
            }
        }
    }

    private static void fillRaw(MongoCollection<Document> raw) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < STORED_EVENTS; i++) {
            batch.add(rawEvent(i));
            if (batch.size() == 1_000) {
                raw.insertMany(batch);
                batch = new ArrayList<>();
            }
        }
    }

    private static double trackingRead(MongoEventStorageEngine engine) {
        long start = System.nanoTime();
        long count = engine.readEvents(engine.createTailToken(), false).map(EventMessage::getPayload).count();
        if (count != STORED_EVENTS) {
            throw new IllegalStateException("read " + count + " events");
        }
        return rate(count, start);
    }

    private static double rawScan(MongoCollection<Document> raw) {
        long start = System.nanoTime();
        long count = 0;
        for (Document ignored : raw.find().batchSize(1_000)) {
            count++;
        }
        return rate(count, start);
    }

    private static double aggregateLoads(MongoEventStorageEngine engine) {
        int aggregates = STORED_EVENTS / AGGREGATE_LENGTH;
        long start = System.nanoTime();
        for (int i = 0; i < LOADS; i++) {
            long events = engine.readEvents("stored-" + (i * 7919 % aggregates)).asStream()
                                .map(EventMessage::getPayload).count();
            if (events != AGGREGATE_LENGTH) {
                throw new IllegalStateException("loaded " + events + " events");
            }
        }
        return rate(LOADS, start);
    }

    /** The same number of documents fetched by key, as a raw driver user would do with a known id list. */
    private static double rawLoads(MongoCollection<Document> raw) {
        long start = System.nanoTime();
        for (int i = 0; i < LOADS; i++) {
            List<Integer> ids = new ArrayList<>(AGGREGATE_LENGTH);
            int first = (i * 7919) % (STORED_EVENTS - AGGREGATE_LENGTH);
            for (int j = 0; j < AGGREGATE_LENGTH; j++) {
                ids.add(first + j);
            }
            int found = raw.find(new Document("_id", new Document("$in", ids))).into(new ArrayList<>()).size();
            if (found != AGGREGATE_LENGTH) {
                throw new IllegalStateException("found " + found);
            }
        }
        return rate(LOADS, start);
    }

    private static Document rawEvent(int id) {
        return new Document("_id", id).append("aggregateId", "agg-" + (id % 100)).append("sequence", (long) id / 100)
                                      .append("payloadType", TestEvents.ThingHappened.class.getName())
                                      .append("timestamp", java.time.Instant.now().toString())
                                      .append("payload", PAYLOAD).append("metaData", "{}");
    }

    private static double rate(long count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static double median(Supplier<Double> measurement) {
        double[] values = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            values[i] = measurement.get();
        }
        Arrays.sort(values);
        return values[REPETITIONS / 2];
    }

    private void row(String backend, String measure, double store, double raw) {
        String line = String.format("| %s | %s | %,.0f | %,.0f | %.2f |", backend, measure, store, raw, store / raw);
        rows.add(line);
        System.out.println(line);
    }
}
