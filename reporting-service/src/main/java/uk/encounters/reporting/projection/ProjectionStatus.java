package uk.encounters.reporting.projection;

import java.time.Instant;

/**
 * What the admin endpoint shows of a projection: the generation serving reads and the one being built, if any, each
 * with how far its consumer group has read the topics.
 *
 * @param building   null unless a rebuild is running
 * @param switchedAt when the serving generation started serving
 */
public record ProjectionStatus(String projection, Generation serving, Generation building, Instant switchedAt) {

    /**
     * @param startedAt when its build started; null for the serving generation
     * @param committed records its group has handled and committed, over all partitions of both topics; null (with
     *                  end and lag) when Kafka did not answer
     * @param end       records on the topics now
     * @param lag       records still to handle
     */
    public record Generation(long generation, String consumerGroup, Instant startedAt, Long committed, Long end,
                             Long lag) {
    }
}
