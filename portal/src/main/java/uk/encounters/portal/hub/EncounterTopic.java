package uk.encounters.portal.hub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import uk.encounters.portal.PortalProperties;

/**
 * Reads encounter-service's integration events for the coordinators' live feed. Each portal instance is a consumer
 * group of its own, starting at the end of the topic: every instance must see every event (its coordinators may be
 * on any school), and only events from now on are news. The consumer runs on its own thread: with Kafka down it
 * retries there, and the pages, which never wait for it, work as before without live news.
 */
@Configuration
class EncounterTopic {

    /** The header naming an event's logical type and version (the platform's {@code EventHeaders.TYPE}). */
    static final String TYPE_HEADER = "event-type";
    static final String OCCURRED_AT_HEADER = "occurred-at";
    private static final Logger log = LoggerFactory.getLogger(EncounterTopic.class);

    @Bean
    KafkaMessageListenerContainer<String, String> hubLiveEncounters(
            PortalProperties properties, LiveFeed feed,
            @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
            @Value("${spring.kafka.listener.auto-startup:true}") boolean autoStartup) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "portal-live-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                // The topic is encounter-service's to create, with its settings; a consumer must not make it first.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // Notices the topic soon after encounter-service creates it, when the portal started first.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000,
                // With Kafka down, a retry every 10 s at most rather than a warning every second.
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
        ContainerProperties container = new ContainerProperties(properties.encounterTopic());
        container.setMessageListener((MessageListener<String, String>) record -> news(record, feed));
        KafkaMessageListenerContainer<String, String> listener = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()),
                container);
        listener.setBeanName("hub-live-encounters");
        listener.setAutoStartup(autoStartup);
        return listener;
    }

    /** A record that cannot be read is skipped: the feed is a courtesy, the figures refresh on the next news. */
    static void news(ConsumerRecord<String, String> record, LiveFeed feed) {
        try {
            EncounterNews.read(header(record, TYPE_HEADER), record.value(), occurredAt(record)).ifPresent(feed::publish);
        } catch (RuntimeException unreadable) {
            // The body holds pupil ids: name the record's place, never its content.
            log.warn("Skipped record {}-{}@{} of type {} for the live feed: {}", record.topic(), record.partition(),
                    record.offset(), header(record, TYPE_HEADER), unreadable.getClass().getSimpleName());
        }
    }

    private static Instant occurredAt(ConsumerRecord<String, String> record) {
        String value = header(record, OCCURRED_AT_HEADER);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
