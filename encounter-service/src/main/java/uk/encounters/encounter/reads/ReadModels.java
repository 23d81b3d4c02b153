package uk.encounters.encounter.reads;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The processor behind the portal's lists of offers and encounters. It streams this service's own event store, so
 * on a fresh database (no token yet) it starts from the first event and rebuilds every list; afterwards it follows
 * the store within milliseconds.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ReadModels {

    static final String GROUP = "encounter-reads";

    /** One document per offer ({@code _id} the offer id): what the employer's list shows, no pupil data. */
    static final String OFFERS = "reads_offers";
    /** One document per encounter ({@code _id} the encounter id): its terms and register size, never the ids. */
    static final String ENCOUNTERS = "reads_encounters";
    /** One document per school and per employer ({@code school:<id>}, {@code employer:<id>}) listing their ids. */
    static final String PARTIES = "reads_parties";
    /** One document per employer ({@code _id} the employer id): name, sector and size for the schools' lists. */
    static final String EMPLOYERS = "reads_employers";

    @Bean
    ConfigurerModule readModelProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                // One segment: events arrive in the store's order, and offers and encounters are a trickle next to
                // what one segment applies.
                .registerPooledStreamingEventProcessor(GROUP, Configuration::eventStore,
                        (config, builder) -> builder.initialSegmentCount(1).maxClaimedSegments(1).batchSize(100)
                                .initialToken(StreamableMessageSource::createTailToken))
                // Axon's default only logs a failed handler and moves on, leaving a list wrong for good; propagating
                // makes the processor retry the batch, and every write below is safe to repeat.
                .registerListenerInvocationErrorHandler(GROUP, config -> PropagatingErrorHandler.instance()));
    }

    static String schoolParty(String schoolId) {
        return "school:" + schoolId;
    }

    static String employerParty(String employerId) {
        return "employer:" + employerId;
    }
}
