package uk.encounters.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import uk.encounters.contracts.IntegrationEvents;

/**
 * Kafka for integration events: the topics, the outbox publisher (only where the service defines
 * {@link OutboundEvents}), and the default listener container factory that hands {@link ReceivedEvent}s to
 * {@code @KafkaListener} methods with retries and a dead-letter topic. Runs before Boot's Kafka configuration so
 * that Boot backs off its own {@code kafkaListenerContainerFactory}.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    /** Boot's Kafka properties with the connection details applied (a @ServiceConnection may have changed them). */
    static Map<String, Object> clientConfig(Map<String, Object> base, ObjectProvider<KafkaConnectionDetails> details) {
        Map<String, Object> config = new HashMap<>(base);
        KafkaConnectionDetails connection = details.getIfAvailable();
        if (connection != null) {
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", connection.getBootstrapServers()));
        }
        return config;
    }

    @Bean
    KafkaAdmin.NewTopics integrationEventTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        if (properties.publishTopic() != null) {
            topics.add(keptForever(properties.publishTopic(), properties));
            topics.add(keptForever(properties.publishTopic() + properties.deadLetterSuffix(), properties));
        }
        // Consumers declare the topics they read too, so whichever service starts first creates them with these
        // settings; a topic a consumer auto-created would get the broker's defaults (one partition, 7-day retention).
        for (String consumed : properties.consumedTopics()) {
            topics.add(keptForever(consumed, properties));
            topics.add(keptForever(consumed + properties.deadLetterSuffix(), properties));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Event topics are the source projections are rebuilt from, so nothing may age out of them. */
    private static NewTopic keptForever(String name, MessagingProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    @Bean
    @ConditionalOnBean(OutboundEvents.class)
    KafkaOutbox kafkaOutbox(OutboundEvents outbound, MessagingProperties properties, KafkaProperties kafka,
                            ObjectProvider<KafkaConnectionDetails> connection) {
        if (properties.publishTopic() == null || properties.publishTopic().isBlank()) {
            throw new IllegalStateException("This service defines OutboundEvents, so it publishes: set "
                    + "encounters.messaging.publish-topic (e.g. " + EventTopics.SCHOOL + ")");
        }
        return new KafkaOutbox(outbound,
                outboxProducerConfig(clientConfig(kafka.buildProducerProperties(), connection), properties.producer()),
                properties.publishTopic(), properties.producer().deliveryTimeout());
    }

    static Map<String, Object> outboxProducerConfig(Map<String, Object> base, MessagingProperties.Producer producer) {
        Map<String, Object> config = new HashMap<>(base);
        long deliveryMs = producer.deliveryTimeout().toMillis();
        long lingerMs = producer.linger().toMillis();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Not settable: the outbox's guarantees depend on them.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One request in flight: on a partition created a moment ago (a first start) a later request can land before
        // a first one the broker refused as NOT_LEADER_OR_FOLLOWER, and the idempotent producer then retries the
        // first until the delivery timeout (KAFKA-15591). One costs nothing measurable here (docs/benchmarks.md).
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, producer.batchBytes());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, producer.compression());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs);
        // Kafka requires delivery.timeout >= linger + request.timeout; send() blocks on metadata up to max.block.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, Math.max(1, deliveryMs - lingerMs)));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(60_000, deliveryMs));
        return config;
    }

    @Bean
    @ConditionalOnBean(OutboundEvents.class)
    ConfigurerModule kafkaOutboxProcessor(KafkaOutbox outbox, MessagingProperties properties) {
        String group = properties.processingGroup();
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerEventHandler(config -> outbox.handler())
                .assignHandlerInstancesMatching(group, Integer.MAX_VALUE, handler -> handler == outbox.handler())
                .registerPooledStreamingEventProcessor(group, Configuration::eventStore,
                        (config, builder) -> builder
                                .batchSize(properties.batchSize())
                                .initialSegmentCount(1)
                                .maxClaimedSegments(1)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerHandlerInterceptor(group, config -> outbox.acknowledgementBarrier())
                // The default listener error handler only logs, which would commit the batch and skip the event.
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(group, config -> PropagatingErrorHandler.instance()));
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerContainerFactory")
    ConcurrentKafkaListenerContainerFactory<String, ReceivedEvent<?>> kafkaListenerContainerFactory(
            MessagingProperties properties, KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection,
            ObjectProvider<ConcurrentKafkaListenerContainerFactoryConfigurer> bootConfigurer,
            ObjectProvider<MeterRegistry> meters, DeadLetters deadLetters) {
        ConsumerFactory<String, ReceivedEvent<?>> consumerFactory = integrationEventConsumerFactory(
                clientConfig(kafka.buildConsumerProperties(), connection), meters.getIfAvailable());
        ConcurrentKafkaListenerContainerFactory<String, ReceivedEvent<?>> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        ConcurrentKafkaListenerContainerFactoryConfigurer configurer = bootConfigurer.getIfAvailable();
        if (configurer != null) {
            configureWithBoot(configurer, factory, consumerFactory);
        } else {
            factory.setConsumerFactory(consumerFactory);
        }
        factory.setRecordFilterStrategy(record -> record.value() == null
                && record.headers().lastHeader(IntegrationEventDeserializer.SKIPPED) != null);
        factory.setAckDiscarded(true);
        factory.setCommonErrorHandler(errorHandler(properties, deadLetters));
        return factory;
    }

    /** Batch consumers built from the listener container factory above (or a service's own of that name). */
    @Bean
    EventBatchContainers eventBatchContainers(
            ConcurrentKafkaListenerContainerFactory<String, ReceivedEvent<?>> kafkaListenerContainerFactory) {
        return new EventBatchContainers(kafkaListenerContainerFactory);
    }

    @Bean
    DeadLetters integrationEventDeadLetters(KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection) {
        Map<String, Object> config = clientConfig(kafka.buildProducerProperties(), connection);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new DeadLetters(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new DeadLetterSerializer()));
    }

    /** Owns the dead-letter producer without exposing a ProducerFactory bean, which would make Boot drop its own. */
    static final class DeadLetters implements DisposableBean {

        private final DefaultKafkaProducerFactory<String, Object> producerFactory;
        private final KafkaTemplate<String, Object> template;

        DeadLetters(DefaultKafkaProducerFactory<String, Object> producerFactory) {
            this.producerFactory = producerFactory;
            this.template = new KafkaTemplate<>(producerFactory);
        }

        KafkaTemplate<String, Object> template() {
            return template;
        }

        @Override
        public void destroy() {
            producerFactory.destroy();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void configureWithBoot(ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
                                          ConcurrentKafkaListenerContainerFactory factory,
                                          ConsumerFactory consumerFactory) {
        configurer.configure(factory, consumerFactory);
    }

    static ConsumerFactory<String, ReceivedEvent<?>> integrationEventConsumerFactory(Map<String, Object> base,
                                                                                       MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(base);
        // A new consumer group builds its projection from the start of the topic.
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        IntegrationEventDeserializer decoder = new IntegrationEventDeserializer(IntegrationEvents.REGISTRY,
                (topic, type) -> {
                    log.info("Skipped a record of unknown type {} on {}", type, topic);
                    if (meters != null) {
                        meters.counter("encounters.messaging.skipped", "topic", topic, "type", type).increment();
                    }
                });
        return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(decoder));
    }

    /**
     * Bounded retries with back-off, then the record goes to {@code <topic><suffix>} on a partition Kafka picks by
     * its key (so the dead-letter topic needs no more partitions than it has). Records that cannot be decoded are
     * not retryable by Spring's defaults and go there at once.
     */
    static DefaultErrorHandler errorHandler(MessagingProperties properties, DeadLetters deadLetters) {
        String suffix = properties.deadLetterSuffix();
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters.template(),
                (record, exception) -> new TopicPartition(record.topic() + suffix, -1));
        MessagingProperties.Consumer consumer = properties.consumer();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(consumer.retries());
        backOff.setInitialInterval(consumer.initialBackOff().toMillis());
        backOff.setMultiplier(consumer.backOffMultiplier());
        backOff.setMaxInterval(consumer.maxBackOff().toMillis());
        return new DefaultErrorHandler(recoverer, backOff);
    }

}
