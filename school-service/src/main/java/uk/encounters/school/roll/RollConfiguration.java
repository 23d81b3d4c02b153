package uk.encounters.school.roll;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.springframework.context.annotation.Bean;

/** Snapshots for rolls, and the processor that keeps the roll's read model. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class RollConfiguration {

    static final String SNAPSHOT_TRIGGER = "rollSnapshotTrigger";

    /**
     * A 2,000-pupil school's first upload alone is 2,000 events; a snapshot after every few hundred events keeps a
     * load to one snapshot document plus a short tail. Snapshots hold ids and attributes only, like the events.
     */
    static final int EVENTS_BETWEEN_SNAPSHOTS = 250;

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition rollSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }

    /**
     * One segment, because a new academic year copies the previous year's document and must see every event before
     * it; batches of a few hundred because an upload arrives as one large commit. Errors propagate, so a failed
     * write rolls the batch back and is retried instead of being skipped.
     */
    @Bean
    ConfigurerModule rollViewProcessor(RollView view) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(RollView.PROCESSING_GROUP, Configuration::eventStore,
                        (config, builder) -> builder.batchSize(500).initialSegmentCount(1).maxClaimedSegments(1))
                .registerHandlerInterceptor(RollView.PROCESSING_GROUP, config -> view.writeAtEndOfBatch())
                .registerListenerInvocationErrorHandler(RollView.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
