package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.IntegrationEvents;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.ReceivedEvent;
import uk.encounters.reporting.coverage.CoverageFold;
import uk.encounters.reporting.coverage.Facts;
import uk.encounters.reporting.coverage.GeneratedHistory;
import uk.encounters.reporting.coverage.GeneratedHistory.FactSource;
import uk.encounters.reporting.coverage.GeneratedHistory.Figures;
import uk.encounters.reporting.coverage.History;

/**
 * Property: the generated history ({@link GeneratedHistory}: schools moving hub, pupils joining and leaving, encounters
 * with corrections, withdrawals and overrides, two academic years) written into a fresh store in many random
 * interleavings, with about one event in five delivered twice and random batch boundaries, always reads back as the
 * figures the engine computes from the whole history: hub, school, at-risk and evidence lists, every pupil and every
 * checklist, now and as known midway. The interleavings are random; the seed is printed and {@code -Dcoverage.seed}
 * replays them.
 */
class CoverageStoreOrderInsensitivityTest {

    private static final long HISTORY_SEED = 20260331L;
    private static final int INTERLEAVINGS = 25;
    private static final int MAX_BATCH = 80;

    @Test
    void anyInterleavingRedeliveriesAndBatchingReadBackTheSameFigures() {
        long seed = Long.getLong("coverage.seed", new Random().nextLong());
        System.out.println("CoverageStoreOrderInsensitivityTest seed: -Dcoverage.seed=" + seed);

        List<History.Stamped> events = GeneratedHistory.generate(new Random(HISTORY_SEED)).events();
        Instant midway = events.get(events.size() / 2).stamp().recordedAt();
        CoverageFold fold = new CoverageFold();
        events.forEach(e -> fold.apply(e.stamp(), e.event()));
        Facts reference = fold.facts();
        Figures referenceNow = figures(GeneratedHistory.whole(reference), reference, null);
        Figures referenceMidway = figures(GeneratedHistory.whole(reference), reference, midway);
        GeneratedHistory.assertNotTrivial(events, referenceNow, referenceMidway);

        Random random = new Random(seed);
        try (MongoClient client = MongoClients.create(Infrastructure.forTests().mongoUri())) {
            for (int run = 1; run <= INTERLEAVINGS; run++) {
                MongoDatabase database = client.getDatabase("coverage-property-" + UUID.randomUUID());
                try {
                    List<History.Stamped> delivered = new ArrayList<>(events);
                    for (History.Stamped event : events) {
                        if (random.nextInt(5) == 0) {
                            delivered.add(event);
                        }
                    }
                    Collections.shuffle(delivered, random);
                    write(new CoverageWriter(CoverageCollections.of(database, 1)), delivered, random);

                    FactSource store = source(new CoverageStore(database));
                    assertThat(figures(store, reference, null))
                            .as("figures of interleaving %d, seed %d", run, seed).isEqualTo(referenceNow);
                    assertThat(figures(store, reference, midway))
                            .as("figures known midway, interleaving %d, seed %d", run, seed).isEqualTo(referenceMidway);
                } finally {
                    database.drop();
                }
            }
        }
    }

    /** In batches of 1 to {@value #MAX_BATCH} events, as polls of different sizes would hand them over. */
    private static void write(CoverageWriter writer, List<History.Stamped> delivered, Random random) {
        for (int from = 0; from < delivered.size(); ) {
            int to = Math.min(delivered.size(), from + 1 + random.nextInt(MAX_BATCH));
            writer.write(delivered.subList(from, to).stream().map(CoverageStoreOrderInsensitivityTest::received)
                    .toList());
            from = to;
        }
    }

    private static ReceivedEvent<?> received(History.Stamped stamped) {
        String topic = stamped.event() instanceof SchoolEvent ? "school.events" : "encounter.events";
        return new ReceivedEvent<>(topic, IntegrationEvents.REGISTRY.typeOf(stamped.event()),
                stamped.stamp().eventId(), stamped.stamp().aggregateId(), stamped.stamp().sequence(),
                stamped.stamp().recordedAt(), stamped.stamp().recordedBy(), stamped.event());
    }

    private static Figures figures(FactSource source, Facts reference, Instant knownAt) {
        return GeneratedHistory.figures(source, reference.pupils().keySet(), reference.encounters().keySet(), knownAt);
    }

    private static FactSource source(CoverageStore store) {
        return new FactSource() {
            public Facts hub(String hubId) {
                return store.hub(hubId);
            }

            public Facts school(String schoolId) {
                return store.school(schoolId);
            }

            public Facts pupil(String pupilId) {
                return store.pupil(pupilId);
            }

            public Facts encounter(String encounterId) {
                return store.encounter(encounterId);
            }
        };
    }
}
