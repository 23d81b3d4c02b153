package uk.encounters.school.shoutout;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;

/**
 * One pooled streaming processor for the shout-out read models (the school's view and the deadlines the expiry job
 * reads), so they follow the event store within milliseconds and are rebuilt by resetting one token.
 */
@org.springframework.context.annotation.Configuration
class ShoutOutProjections {

    static final String GROUP = "shout-out-projections";

    @Bean
    ConfigurerModule shoutOutProjectionProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                // One segment: a school's shout-outs are a trickle next to what one segment can apply.
                .registerPooledStreamingEventProcessor(GROUP, Configuration::eventStore,
                        (config, builder) -> builder.initialSegmentCount(1).batchSize(100))
                // Axon's default handler only logs a failure and moves on, leaving the view wrong for good;
                // propagating makes the processor retry the batch instead.
                .registerListenerInvocationErrorHandler(GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
