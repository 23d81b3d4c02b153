package uk.encounters.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.infra.Infrastructure;

@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "encounters.messaging.batch-size=50",
        "encounters.messaging.partitions=3"})
@Import(MessagingTestApplication.Publishing.class)
class KafkaOutboxTest {

    static final String TOPIC = MessagingTestApplication.uniqueTopic("school.events");


    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MessagingTestApplication.infrastructure(registry, TOPIC);
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void appendedEventsReachKafkaKeyedByTheirSchoolWithHeadersAndInOrder() {
        List<String> schools = List.of("school-a", "school-b", "school-c", "school-d", "school-e");
        List<DomainEventMessage<?>> stored = TestEvents.interleaved(schools, 60);
        for (int from = 0; from < stored.size(); from += 20) {
            eventStore.publish(stored.subList(from, Math.min(from + 20, stored.size())));
        }
        List<DomainEventMessage<?>> published = stored.stream()
                .filter(e -> e.getPayload() instanceof PupilEnrolled).toList();

        List<ConsumerRecord<String, byte[]>> records;
        try (TopicReader reader = new TopicReader(Infrastructure.forTests().kafkaBootstrapServers(), TOPIC)) {
            records = reader.readAtLeast(published.size(), Duration.ofSeconds(60));
        }

        assertThat(records).hasSize(published.size());
        Map<String, DomainEventMessage<?>> byId = published.stream()
                .collect(Collectors.toMap(DomainEventMessage::getIdentifier, Function.identity()));
        for (ConsumerRecord<String, byte[]> record : records) {
            DomainEventMessage<?> source = byId.get(TopicReader.header(record, EventHeaders.EVENT_ID));
            assertThat(source).as("event id header names a stored event").isNotNull();
            PupilEnrolled event = (PupilEnrolled) source.getPayload();
            assertThat(record.key()).isEqualTo(event.schoolId());
            assertThat(EventJson.MAPPER.readValue(record.value(), PupilEnrolled.class)).isEqualTo(event);
            assertThat(EventJson.MAPPER.readTree(record.value()).has("@class")).isFalse();
            assertThat(TopicReader.header(record, EventHeaders.TYPE)).isEqualTo("school.PupilEnrolled.v1");
            assertThat(TopicReader.header(record, EventHeaders.AGGREGATE_ID)).isEqualTo(event.schoolId());
            assertThat(TopicReader.header(record, EventHeaders.AGGREGATE_SEQUENCE))
                    .isEqualTo(Long.toString(source.getSequenceNumber()));
            assertThat(Instant.parse(TopicReader.header(record, EventHeaders.OCCURRED_AT)))
                    .isEqualTo(source.getTimestamp());
            assertThat(TopicReader.header(record, EventHeaders.ACTING_USER))
                    .isEqualTo("careers-leader-" + event.schoolId());
            for (Header header : record.headers()) {
                assertThat(new String(header.value())).as(header.key()).doesNotContain("uk.encounters");
            }
        }

        // Per key, exactly the published sequence numbers, in order: nothing lost, duplicated or reordered.
        Map<String, List<Long>> seen = new LinkedHashMap<>();
        records.stream()
                .sorted(java.util.Comparator.comparingInt(ConsumerRecord<String, byte[]>::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .forEach(r -> seen.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(Long.valueOf(TopicReader.header(r, EventHeaders.AGGREGATE_SEQUENCE))));
        for (String school : schools) {
            List<Long> expected = published.stream().filter(e -> e.getAggregateIdentifier().equals(school))
                    .map(DomainEventMessage::getSequenceNumber).toList();
            assertThat(seen.get(school)).as(school).isEqualTo(expected);
        }
        Set<Integer> partitionsOfOneSchool = records.stream().filter(r -> r.key().equals("school-a"))
                .map(ConsumerRecord::partition).collect(Collectors.toSet());
        assertThat(partitionsOfOneSchool).hasSize(1);

        TokenStore tokens = processing.tokenStore("kafka-outbox");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tokens.fetchToken("kafka-outbox", 0)).isEqualTo(eventStore.createHeadToken()));
    }

    @Test
    void topicsAreCreatedKeptForeverWithADeadLetterTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.forTests().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    admin.listTopics().names().get().containsAll(Set.of(TOPIC, TOPIC + ".dlt")));
            assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions())
                    .hasSize(3);
            Collection<Config> configs = admin.describeConfigs(List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, TOPIC),
                    new ConfigResource(ConfigResource.Type.TOPIC, TOPIC + ".dlt"))).all().get().values();
            assertThat(configs).allSatisfy(config ->
                    assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1"));
        }
    }
}
