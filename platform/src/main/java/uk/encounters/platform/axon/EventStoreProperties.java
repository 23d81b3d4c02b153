package uk.encounters.platform.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the MongoDB event store ({@code encounters.event-store.*}).
 *
 * @param batchSize          events per query when an aggregate is loaded
 * @param trackingBatchSize  positions per query when a processor reads the stream
 * @param gapTimeout         how long readers wait for an allocated but invisible position before tombstoning it;
 *                           longer than any normal insert, short enough that a crashed writer stalls readers briefly
 * @param fetchDelay         how often the event store polls when idle; appends from this JVM wake it at once, so
 *                           this bounds how late appends from other nodes are seen
 * @param maxAppendAttempts  how often a writer whose positions were tombstoned takes new ones before failing
 * @param cachedEvents       events the event store keeps in memory for processors tailing the stream
 * @param eventsCollection   commit documents
 * @param countersCollection the position counter
 * @param snapshotsCollection latest snapshot per aggregate
 * @param tokensCollection   processor tokens (Axon's MongoTokenStore)
 * @param sagasCollection    saga instances (Axon's MongoSagaStore)
 */
@ConfigurationProperties("encounters.event-store")
public record EventStoreProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("500") int trackingBatchSize,
        @DefaultValue("2s") Duration gapTimeout,
        @DefaultValue("100ms") Duration fetchDelay,
        @DefaultValue("10") int maxAppendAttempts,
        @DefaultValue("10000") int cachedEvents,
        @DefaultValue("events") String eventsCollection,
        @DefaultValue("event_counters") String countersCollection,
        @DefaultValue("snapshots") String snapshotsCollection,
        @DefaultValue("tracking_tokens") String tokensCollection,
        @DefaultValue("sagas") String sagasCollection) {
}
