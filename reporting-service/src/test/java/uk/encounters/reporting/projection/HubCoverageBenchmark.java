package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.IntegrationEvents;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.ReceivedEvent;
import uk.encounters.reporting.coverage.Coverage;
import uk.encounters.reporting.coverage.HubCoverage;

/**
 * How long a hub coverage request takes against the store: load the hub's facts by {@code _id}/{@code $in}, fold
 * them, compute. Opt-in ({@code -Dbenchmark=true}), as it writes thousands of documents.
 * <p>
 * Measured 24 November 2026 (2 cores, embedded MongoDB wire server, memory backend): 5 schools, 3,750 pupils, 500
 * encounters of 30 attendees, 4,255 events stored at about 940 events/s; the hub request took 717 ms cold, then
 * 190-250 ms.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class HubCoverageBenchmark {

    private static final int SCHOOLS = Integer.getInteger("benchmark.schools", 5);
    private static final int PUPILS_PER_YEAR = Integer.getInteger("benchmark.pupilsPerYear", 150);
    private static final int ENCOUNTERS = Integer.getInteger("benchmark.encountersPerSchool", 100);
    private static final int ATTENDEES = 30;

    @Test
    void hubCoverageOfAFewSchools() {
        try (MongoClient client = MongoClients.create(Infrastructure.forTests().mongoUri())) {
            MongoDatabase database = client.getDatabase("bench-" + UUID.randomUUID());
            CoverageStore store = new CoverageStore(database);
            CoverageWriter writer = new CoverageWriter(CoverageCollections.of(database, 1));
            String hub = "hub-1";
            long events = 0;
            long writeStart = System.nanoTime();
            for (int s = 0; s < SCHOOLS; s++) {
                String school = "school-" + s;
                events += record(writer, new SchoolRegistered(school, "10000" + s, "School " + s, SchoolType.SCHOOL,
                        hub, List.of(7, 8, 9, 10, 11)), "school-" + school, 0);
                List<String> pupils = new ArrayList<>();
                long sequence = 0;
                for (int year = 7; year <= 11; year++) {
                    for (int p = 0; p < PUPILS_PER_YEAR; p++) {
                        String pupil = school + "-y" + year + "-" + p;
                        pupils.add(pupil);
                        events += record(writer, new PupilEnrolled(pupil, school, "2026/27", year,
                                LocalDate.of(2026, 9, 1), Sen.NONE, p % 3 == 0, Gender.FEMALE, null),
                                "roll-" + school, sequence++);
                    }
                }
                for (int e = 0; e < ENCOUNTERS; e++) {
                    String encounter = school + "-e" + e;
                    int from = (e * ATTENDEES) % (pupils.size() - ATTENDEES);
                    events += record(writer, new EncounterRecorded(encounter, school, "employer-1", "Health",
                            EmployerSize.LARGE, null, null, ActivityType.CAREERS_TALK, List.of(Benchmark.GB5),
                            LocalDate.of(2026, 10, 1).plusDays(e), "2026/27", BigDecimal.ONE, DeliveryMode.IN_PERSON,
                            "Site", null, pupils.subList(from, from + ATTENDEES), allMet(), Map.of(Benchmark.GB5, true),
                            FrameworkVersion.forAcademicYear("2026/27")), encounter, 0);
                }
            }
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

            HubCoverage coverage = null;
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < 6; run++) {
                long start = System.nanoTime();
                coverage = Coverage.of(store.hub(hub), null).hub(hub, LocalDate.of(2027, 3, 31));
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            assertThat(coverage.schools()).hasSize(SCHOOLS);
            System.out.printf("hub coverage: %d schools, %d pupils, %d encounters, %d events stored in %.1f s"
                            + " (%.0f events/s); query ms per run %s%n", SCHOOLS, SCHOOLS * 5 * PUPILS_PER_YEAR,
                    SCHOOLS * ENCOUNTERS, events, writeSeconds, events / writeSeconds, millis);
        }
    }

    private static int record(CoverageWriter writer, IntegrationEvent event, String aggregateId, long sequence) {
        writer.write(List.of(new ReceivedEvent<>("bench", IntegrationEvents.REGISTRY.typeOf(event),
                UUID.randomUUID().toString(), aggregateId, sequence, Instant.parse("2027-01-01T00:00:00Z"), "bench",
                event)));
        return 1;
    }

    private static Map<String, Boolean> allMet() {
        Map<String, Boolean> answers = new java.util.LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            answers.put(item.name(), true);
        }
        return answers;
    }
}
