package uk.encounters.school.institution;

import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.StreamableMessageSource;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import uk.encounters.platform.messaging.IdempotentUpdates;

/**
 * Which schools each hub has, for a hub's list of schools (the event store cannot answer "schools of hub X"). One
 * document per school ({@code _id} the school id) with what the list shows and its hub now, and one per hub
 * ({@code _id} the hub id) listing its school ids, so the list is two {@code _id} lookups and never a scan.
 * <p>
 * A school's document takes each event at most once and only in order (its aggregate sequence); the hubs' id lists
 * change by {@code $addToSet} and {@code $pull}, which a repeated batch repeats harmlessly. The reader keeps only
 * schools whose own document names the hub, so a move half-applied when a batch failed lists nobody twice.
 */
@Component
@ProcessingGroup(SchoolDirectoryProjection.GROUP)
class SchoolDirectoryProjection {

    static final String GROUP = "school-directory";
    static final String SCHOOLS = "school_directory";
    static final String HUB_SCHOOLS = "hub_school_ids";

    private final IdempotentUpdates schools;
    private final MongoCollection<Document> hubSchools;

    SchoolDirectoryProjection(MongoDatabase database) {
        this.schools = new IdempotentUpdates(database.getCollection(SCHOOLS));
        this.hubSchools = database.getCollection(HUB_SCHOOLS);
    }

    @EventHandler
    void on(SchoolRegistered e, @SequenceNumber Long sequence) {
        schools.applyOnce(e.schoolId(), e.schoolId(), sequence, combine(set("urn", e.urn()), set("name", e.name()),
                set("type", e.type().name()), set("yearGroups", List.copyOf(e.yearGroups())), set("hubId", e.hubId())));
        hubSchools.updateOne(new Document("_id", e.hubId()), addToSet("schoolIds", e.schoolId()),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(SchoolMovedHub e, @SequenceNumber Long sequence) {
        schools.applyOnce(e.schoolId(), e.schoolId(), sequence, set("hubId", e.hubId()));
        hubSchools.updateOne(new Document("_id", e.previousHubId()), pull("schoolIds", e.schoolId()));
        hubSchools.updateOne(new Document("_id", e.hubId()), addToSet("schoolIds", e.schoolId()),
                new UpdateOptions().upsert(true));
    }

    /**
     * One segment (a trickle of registrations), from the start of the event store, so schools registered before
     * this projection existed are listed too. Errors propagate, so a failed write is retried, never skipped.
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Processor {

        @Bean
        ConfigurerModule schoolDirectoryProcessor() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerPooledStreamingEventProcessor(GROUP, Configuration::eventStore,
                            (config, builder) -> builder.initialSegmentCount(1).batchSize(100)
                                    .initialToken(StreamableMessageSource::createTailToken))
                    .registerListenerInvocationErrorHandler(GROUP, config -> PropagatingErrorHandler.instance()));
        }
    }
}
