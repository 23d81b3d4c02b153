package uk.encounters.platform.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code encounters.messaging}.
 *
 * @param publishTopic      the topic this service publishes to ({@code school.events}, {@code encounter.events});
 *                          required where an {@link OutboundEvents} bean exists
 * @param consumedTopics    topics this service listens to; their dead-letter topics are created at start-up
 * @param processingGroup   the Axon processing group of the outbox processor
 * @param batchSize         events per outbox batch: sent together, acknowledged together, one token update
 * @param partitions        partitions of topics created here
 * @param replicationFactor replicas of topics created here
 * @param deadLetterSuffix  a failed record of topic T goes to T + this suffix
 */
@ConfigurationProperties("encounters.messaging")
public record MessagingProperties(
        String publishTopic,
        @DefaultValue List<String> consumedTopics,
        @DefaultValue("kafka-outbox") String processingGroup,
        @DefaultValue("500") int batchSize,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue(".dlt") String deadLetterSuffix,
        @DefaultValue Producer producer,
        @DefaultValue Consumer consumer) {

    public MessagingProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("encounters.messaging.batch-size must be at least 1");
        }
    }

    /**
     * The outbox producer; idempotence, {@code acks=all} and one request in flight are fixed, not settable.
     *
     * @param linger          how long the producer waits to fill a request; the outbox sends a whole batch
     *                        before waiting, so a few milliseconds cost nothing and fill requests
     * @param batchBytes      producer request batch size per partition
     * @param deliveryTimeout how long a send may take before the outbox batch fails and is retried
     */
    public record Producer(@DefaultValue("5ms") Duration linger,
                           @DefaultValue("262144") int batchBytes,
                           @DefaultValue("2m") Duration deliveryTimeout,
                           @DefaultValue("lz4") String compression) {
    }

    /**
     * Listener error handling: a failing record is retried {@code retries} times with exponential back-off, then
     * goes to the dead-letter topic. Records that cannot be decoded go there at once.
     */
    public record Consumer(@DefaultValue("3") int retries,
                           @DefaultValue("500ms") Duration initialBackOff,
                           @DefaultValue("2.0") double backOffMultiplier,
                           @DefaultValue("5s") Duration maxBackOff) {
    }
}
