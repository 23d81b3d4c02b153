package uk.encounters.portal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The live feed from an event on encounter.events to the streams of the right hub: what the item says (and that it
 * carries no pupil), which streams get it, the refresh after it, and what is not news.
 */
class HubPortalLiveFeedTest {

    private static final String PUPIL = "33333333-3333-4333-8333-333333333333";
    /** An EncounterRecorded as encounter-service publishes it (contracts' golden example, another activity). */
    private static final String RECORDED = """
            {"encounterId": "77777777-7777-4777-8777-777777777777", "schoolId": "s-1",
             "employerId": "66666666-6666-4666-8666-666666666666", "sector": "Engineering", "employerSize": "SMALL",
             "shoutOutId": null, "offerId": null, "activityType": "CAREERS_TALK", "benchmarks": ["GB5"],
             "date": "2027-02-03", "academicYear": "2026/27", "hours": 1.5, "mode": "IN_PERSON", "location": "TS2 1AB",
             "curriculumArea": null, "attendees": ["%s"], "checklist": {"REFLECTION": true},
             "meaningful": {"GB5": true}, "framework": "V2024"}""".formatted(PUPIL);

    private final LiveFeed feed = new LiveFeed(templates());

    @AfterEach
    void stop() {
        feed.destroy();
    }

    @Test
    void newsOfAnEncounterGoesToTheStreamsOfItsSchoolsHubOnlyAndNamesNoPupil() {
        Stream hubA = new Stream();
        Stream otherHub = new Stream();
        feed.subscribe(hubA, "hub-a", Map.of("s-1", "Northfield Academy", "s-2", "Ayton School"), true);
        feed.subscribe(otherHub, "hub-b", Map.of("s-9", "Elsewhere School"), true);

        EncounterTopic.news(record("encounter.EncounterRecorded.v1", RECORDED), feed);

        assertThat(hubA.data("live-status")).singleElement().asString().startsWith("Live: encounters recorded at your 2 schools");
        assertThat(hubA.data("encounter")).singleElement().asString()
                .contains("Careers talk recorded at", ">Northfield Academy</a>", "href=\"/hub/schools/s-1\"",
                        " — Engineering employer, 3 February 2027", "<time datetime=\"2027-02-03T09:41:00Z\">09:41</time>")
                .doesNotContain(PUPIL).doesNotContain("\n");
        assertThat(otherHub.data("encounter")).isEmpty();
        // The figures are asked for again once reporting-service has had time to project the event.
        await().atMost(Duration.ofSeconds(10)).until(() -> hubA.data("refresh").size() == 1);
        assertThat(otherHub.data("refresh")).isEmpty();
    }

    @Test
    void correctionsWithdrawalsAndOverridesAreNewsTooWithoutTheEncountersDetails() {
        Stream hub = new Stream();
        feed.subscribe(hub, "hub-a", Map.of("s-1", "Northfield Academy"), true);

        EncounterTopic.news(record("encounter.AttendanceCorrected.v1", """
                {"encounterId": "e-1", "schoolId": "s-1", "attendees": ["%s"], "reason": "Ben was ill"}""".formatted(PUPIL)),
                feed);
        EncounterTopic.news(record("encounter.EncounterWithdrawn.v1", """
                {"encounterId": "e-1", "schoolId": "s-1", "reason": "Recorded twice"}"""), feed);
        EncounterTopic.news(record("encounter.MeaningfulnessOverridden.v1", """
                {"encounterId": "e-1", "schoolId": "s-1", "benchmark": "GB5", "meaningful": true, "reason": "r"}"""),
                feed);

        assertThat(hub.data("encounter")).hasSize(3).satisfiesExactly(
                corrected -> assertThat(corrected).contains("Register corrected for an encounter at").doesNotContain(PUPIL, "ill"),
                withdrawn -> assertThat(withdrawn).contains("Encounter withdrawn at", "Northfield Academy"),
                overridden -> assertThat(overridden).contains("GB5 result of an encounter changed at"));
    }

    @Test
    void eventsThatChangeNoFigureUnknownTypesAndUnreadableBodiesAreNotNews() {
        Stream hub = new Stream();
        feed.subscribe(hub, "hub-a", Map.of("s-1", "Northfield Academy"), false);

        EncounterTopic.news(record("encounter.EmployerOffered.v1", "{\"schoolId\": \"s-1\"}"), feed);
        EncounterTopic.news(record("encounter.EncounterRecorded.v9", RECORDED), feed);
        EncounterTopic.news(record("encounter.EncounterRecorded.v1", "{not json"), feed);
        EncounterTopic.news(record(null, RECORDED), feed);

        assertThat(hub.data("live-status")).singleElement().asString().startsWith("Live updates are not available");
        assertThat(hub.data("encounter")).isEmpty();
    }

    @Test
    void aStreamTheBrowserLeftIsForgotten() {
        Stream gone = new Stream();
        feed.subscribe(gone, "hub-a", Map.of("s-1", "Northfield Academy"), true);
        gone.closed = true;

        EncounterTopic.news(record("encounter.EncounterRecorded.v1", RECORDED), feed);

        assertThat(feed.streams()).isZero();
    }

    private static ConsumerRecord<String, String> record(String type, String body) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("encounter.events", 0, 42, "s-1", body);
        if (type != null) {
            record.headers().add(EncounterTopic.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(EncounterTopic.OCCURRED_AT_HEADER,
                Instant.parse("2027-02-03T09:41:00Z").toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** An emitter that keeps what is sent (as the browser would read it), or fails as one whose browser left. */
    private static final class Stream extends SseEmitter {

        private final List<String> sent = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        @Override
        public void send(SseEventBuilder event) throws IOException {
            if (closed) {
                throw new IOException("Broken pipe");
            }
            sent.add(event.build().stream().map(d -> String.valueOf(d.getData())).collect(Collectors.joining()));
        }

        /** The data of the events with this name. */
        List<String> data(String name) {
            return sent.stream().filter(e -> e.startsWith("event:" + name + "\n"))
                    .map(e -> e.substring(e.indexOf("data:") + 5).strip()).toList();
        }
    }
}
