package uk.encounters.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.platform.identity.ActingUser;

/**
 * The event store as outbox: runs as the only handler of a one-segment pooled streaming processor. Each event of a
 * batch is mapped and sent without waiting; after the batch's last event every acknowledgement is awaited, still
 * inside handler execution. That ordering matters: Axon's work package stores the token in a prepare-commit
 * callback it registers before the batch runs, so anything awaited later (in our own prepare-commit callback) would
 * come after the token had moved. A failed or unacknowledged send fails the batch; the processor rolls it back,
 * releases the segment and retries from the stored token, so events are published at least once and in order.
 */
final class KafkaOutbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutbox.class);
    private static final String PENDING = KafkaOutbox.class.getName() + ".pendingSends";

    private final OutboundEvents outbound;
    private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private final KafkaTemplate<String, byte[]> template;
    private final String topic;
    private final Duration acknowledgementTimeout;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final EventMessageHandler handler = this::send;
    private final MessageHandlerInterceptor<EventMessage<?>> acknowledgementBarrier = this::awaitAtEndOfBatch;

    KafkaOutbox(OutboundEvents outbound, Map<String, Object> producerConfig, String topic,
                Duration deliveryTimeout) {
        this.outbound = outbound;
        this.producerFactory = new DefaultKafkaProducerFactory<>(producerConfig,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        this.template = new KafkaTemplate<>(producerFactory);
        this.topic = topic;
        // The producer itself gives up after the delivery timeout; the margin only guards against a lost callback.
        this.acknowledgementTimeout = deliveryTimeout.plusSeconds(10);
    }

    EventMessageHandler handler() {
        return handler;
    }

    MessageHandlerInterceptor<EventMessage<?>> acknowledgementBarrier() {
        return acknowledgementBarrier;
    }

    String topic() {
        return topic;
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failedBatches() {
        return failedBatches.get();
    }

    /** For tests that take the broker away and give it back. */
    DefaultKafkaProducerFactory<String, byte[]> producerFactory() {
        return producerFactory;
    }

    private Object send(EventMessage<?> message) {
        Optional<? extends IntegrationEvent> mapped = outbound.map(message);
        if (mapped.isEmpty()) {
            return null;
        }
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null
                ? d : null;
        Object actingUser = message.getMetaData().get(ActingUser.METADATA_KEY);
        ProducerRecord<String, byte[]> record = new EventRecord(mapped.get(), message.getIdentifier(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), message.getTimestamp(),
                actingUser == null ? null : actingUser.toString()).toProducerRecord(topic);
        CompletableFuture<?> sent = template.send(record);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().<List<CompletableFuture<?>>>getOrComputeResource(PENDING,
                    key -> new ArrayList<>()).add(sent);
        } else {
            await(List.of(sent));
        }
        return null;
    }

    private Object awaitAtEndOfBatch(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                List<CompletableFuture<?>> pending = unitOfWork.root().getResource(PENDING);
                if (pending != null) {
                    unitOfWork.root().resources().remove(PENDING);
                    await(pending);
                }
            }
            return result;
        } catch (Exception e) {
            failedBatches.incrementAndGet();
            log.warn("Kafka outbox batch failed on event {} ({}); it will be retried from the stored token: {}",
                    unitOfWork.getMessage().getIdentifier(), unitOfWork.getMessage().getPayloadType().getSimpleName(),
                    e.toString());
            throw e;
        }
    }

    private void await(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
            acknowledged.addAndGet(sends.size());
        } catch (ExecutionException e) {
            throw new OutboxDeliveryException("The broker did not acknowledge every event of the batch", e.getCause());
        } catch (TimeoutException e) {
            throw new OutboxDeliveryException("No acknowledgement within " + acknowledgementTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxDeliveryException("Interrupted while awaiting acknowledgements", e);
        }
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }

    /** The batch is rolled back and retried; its token stays where it was. */
    static final class OutboxDeliveryException extends RuntimeException {
        OutboxDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
