package uk.encounters.reporting.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group has read a set of topics: its committed offsets against the end offsets, now. */
final class GroupProgress implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * Sums over the topics' partitions.
     *
     * @param committed records the group has committed (a partition it never committed counts as 0)
     * @param end       records on the topics when asked
     * @param lag       records between the group's position and the end, partition by partition
     */
    record Progress(long committed, long end, long lag) {

        /** Everything on the topics when asked has been handled and committed. */
        boolean caughtUp() {
            return lag == 0;
        }
    }

    private final Admin admin;
    private final List<String> topics;

    GroupProgress(Admin admin, List<String> topics) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
    }

    /** End offsets first, then committed ones: records arriving in between never make a group look behind. */
    Progress of(String group) {
        Map<TopicPartition, ListOffsetsResultInfo> ends = await(admin.listOffsets(partitions().stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all());
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        long committedTotal = 0;
        long endTotal = 0;
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> entry : ends.entrySet()) {
            long end = entry.getValue().offset();
            OffsetAndMetadata offset = committed.get(entry.getKey());
            long position = offset == null ? 0 : offset.offset();
            committedTotal += position;
            endTotal += end;
            lag += Math.max(0, end - position);
        }
        return new Progress(committedTotal, endTotal, lag);
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription topic : await(admin.describeTopics(topics).allTopicNames()).values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        return partitions;
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Kafka for offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer for offsets", e);
        }
    }

    @Override
    public void close() {
        admin.close(TIMEOUT);
    }
}
