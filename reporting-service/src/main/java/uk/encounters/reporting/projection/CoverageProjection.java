package uk.encounters.reporting.projection;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * Feeds both topics into the coverage store. The topics are not ordered against each other and may redeliver;
 * the store's writes are idempotent and commutative, so nothing here tracks positions or sequences.
 */
@Component
class CoverageProjection {

    private final CoverageStore store;

    CoverageProjection(CoverageStore store) {
        this.store = store;
    }

    @KafkaListener(id = "reporting-coverage", topics = {"${encounters.topics.school:school.events}",
            "${encounters.topics.encounter:encounter.events}"})
    void on(ReceivedEvent<?> received) {
        store.record(received);
    }
}
