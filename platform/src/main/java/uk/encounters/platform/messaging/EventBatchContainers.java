package uk.encounters.platform.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Listener containers for consumers that take integration events a poll at a time and whose consumer group is chosen
 * at run time (a projection rebuilt under a new group, say). They come from the platform's listener container factory,
 * so decoding, skipping unknown types, bounded retries and the dead-letter topic work as for {@code @KafkaListener}
 * methods, per record: when one record of a batch fails, the records before it are committed, it alone is retried and
 * then parked on the dead-letter topic, and the records after it come again.
 * <p>
 * Handlers must be idempotent: to find the failing record, a failed batch is handed over again one record at a time.
 */
public final class EventBatchContainers {

    private static final LogAccessor LOG = new LogAccessor(EventBatchContainers.class);

    private final ConcurrentKafkaListenerContainerFactory<String, ReceivedEvent<?>> factory;

    EventBatchContainers(ConcurrentKafkaListenerContainerFactory<String, ReceivedEvent<?>> factory) {
        this.factory = factory;
    }

    /**
     * A container, not started, for the group on the topics; a new group reads from the start of the topics.
     *
     * @param maxPollRecords the most records handed over at once
     */
    public ConcurrentMessageListenerContainer<String, ReceivedEvent<?>> create(
            String groupId, Collection<String> topics, int maxPollRecords, Consumer<List<ReceivedEvent<?>>> handler) {
        ConcurrentMessageListenerContainer<String, ReceivedEvent<?>> container =
                factory.createContainer(topics.toArray(String[]::new));
        container.setBeanName(groupId);
        container.setAutoStartup(false);
        container.getContainerProperties().setGroupId(groupId);
        container.getContainerProperties().setClientId(groupId);
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        container.getContainerProperties().setKafkaConsumerProperties(overrides);
        container.setupMessageListener(new Adapter(handler));
        return container;
    }

    /** What the factory's record filter and error handler do for record listeners, for a batch. */
    static final class Adapter implements BatchMessageListener<String, ReceivedEvent<?>> {

        private final Consumer<List<ReceivedEvent<?>>> handler;

        Adapter(Consumer<List<ReceivedEvent<?>>> handler) {
            this.handler = handler;
        }

        @Override
        public void onMessage(List<ConsumerRecord<String, ReceivedEvent<?>>> records) {
            List<ConsumerRecord<String, ReceivedEvent<?>>> decoded = new ArrayList<>(records.size());
            for (ConsumerRecord<String, ReceivedEvent<?>> record : records) {
                if (record.value() != null) {
                    decoded.add(record);
                } else if (record.headers().lastHeader(IntegrationEventDeserializer.SKIPPED) == null) {
                    // Could not be decoded: hand over what came before it, then let the error handler park it.
                    hand(decoded);
                    throw new BatchListenerFailedException("Undecodable record", SerializationUtils
                            .getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
                                    LOG), record);
                }
                // else a type this build does not know, skipped as record listeners skip it
            }
            hand(decoded);
        }

        private void hand(List<ConsumerRecord<String, ReceivedEvent<?>>> records) {
            if (records.isEmpty()) {
                return;
            }
            try {
                handler.accept(records.stream().<ReceivedEvent<?>>map(ConsumerRecord::value).toList());
            } catch (RuntimeException batchFailure) {
                // Find the record that fails on its own, so that only it is retried and parked.
                for (ConsumerRecord<String, ReceivedEvent<?>> record : records) {
                    try {
                        handler.accept(List.of(record.value()));
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException("Handler failed on " + record.value(), e, record);
                    }
                }
                // Every record went through on its own: the batch's failure has passed.
            }
        }
    }
}
