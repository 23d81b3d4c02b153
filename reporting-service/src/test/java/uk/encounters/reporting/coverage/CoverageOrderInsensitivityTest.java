package uk.encounters.reporting.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.encounters.reporting.coverage.GeneratedHistory.Figures;

/**
 * Property: a generated history ({@link GeneratedHistory}), delivered in many orders with redeliveries, always folds
 * to the same facts and the same figures. Fixed seeds, so a failure is reproducible.
 */
class CoverageOrderInsensitivityTest {

    private static final long HISTORY_SEED = 20260331L;
    private static final int INTERLEAVINGS = 50;

    @Test
    void anyInterleavingWithRedeliveriesFoldsToTheSameFactsAndFigures() {
        History history = GeneratedHistory.generate(new Random(HISTORY_SEED));
        List<History.Stamped> events = history.events();
        Instant midway = events.get(events.size() / 2).stamp().recordedAt();
        Facts reference = fold(events);
        Figures referenceNow = figures(reference, null);
        Figures referenceMidway = figures(reference, midway);
        GeneratedHistory.assertNotTrivial(events, referenceNow, referenceMidway);

        for (int seed = 1; seed <= INTERLEAVINGS; seed++) {
            Random random = new Random(seed);
            List<History.Stamped> delivered = new ArrayList<>(events);
            for (History.Stamped event : events) {
                if (random.nextInt(5) == 0) {
                    delivered.add(event);
                }
            }
            Collections.shuffle(delivered, random);

            Facts facts = fold(delivered);

            assertThat(facts).as("facts for interleaving %d", seed).isEqualTo(reference);
            assertThat(figures(facts, null)).as("figures for interleaving %d", seed).isEqualTo(referenceNow);
            assertThat(figures(facts, midway)).as("figures known midway, interleaving %d", seed)
                    .isEqualTo(referenceMidway);
        }
    }

    private static Facts fold(List<History.Stamped> events) {
        CoverageFold fold = new CoverageFold();
        events.forEach(e -> fold.apply(e.stamp(), e.event()));
        return fold.facts();
    }

    private static Figures figures(Facts facts, Instant knownAt) {
        return GeneratedHistory.figures(GeneratedHistory.whole(facts), facts.pupils().keySet(),
                facts.encounters().keySet(), knownAt);
    }
}
