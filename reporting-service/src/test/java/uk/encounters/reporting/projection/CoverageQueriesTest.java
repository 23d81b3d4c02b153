package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.IntegrationEvents;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.encounter.EncounterWithdrawn;
import uk.encounters.contracts.encounter.MeaningfulnessOverridden;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilDetailsChanged;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.ReceivedEvent;
import uk.encounters.reporting.coverage.Coverage;
import uk.encounters.reporting.coverage.EmployerEngagement;
import uk.encounters.reporting.coverage.HubCoverage;
import uk.encounters.reporting.coverage.HubTrend;
import uk.encounters.reporting.coverage.SchoolCoverage;
import uk.encounters.reporting.coverage.SchoolSummary;

/**
 * The cached coverage queries against the configured MongoDB: every answer equals the engine's over freshly loaded
 * facts for the same clocks, a repeated answer comes from the cache, and every kind of write reaches the next answer
 * (in another service instance too), while the schools it does not touch keep their entries.
 */
class CoverageQueriesTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final String YEAR = "2026/27";
    private static final LocalDate CENSUS = LocalDate.of(2027, 3, 31);
    private static final Instant SEPTEMBER = Instant.parse("2026-09-01T08:00:00Z");

    private final String database = "coverage-queries-" + UUID.randomUUID();
    private MongoClient client;
    private CoverageStore store;
    /** Writes generation 1, the one a fresh database serves. */
    private CoverageWriter writer;
    private CoverageQueries queries;
    private final Map<String, Long> sequences = new HashMap<>();

    private final String hub = "hub-" + UUID.randomUUID();
    private final String a = "a-" + UUID.randomUUID();
    private final String b = "b-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        client = MongoClients.create(INFRA.mongoUri());
        store = new CoverageStore(client.getDatabase(database));
        writer = new CoverageWriter(CoverageCollections.of(client.getDatabase(database), 1));
        queries = queries(store);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void cachedAnswersEqualUncachedOnesForTheSameClocks() {
        // A 1,500-pupil 11-18 school, a special school, a sixth-form college and an 11-16 school, with corrections,
        // overrides, withdrawals, leavers and joiners.
        GeneratedHub generated = GeneratedHub.of(hub, 4, 7);
        generated.events.forEach(event -> writer.write(List.of(event)));
        List<LocalDate> dates = List.of(LocalDate.of(2026, 12, 31), CENSUS, LocalDate.of(2027, 7, 31));
        List<Instant> moments = new ArrayList<>();
        moments.add(null);
        moments.add(Instant.parse("2026-11-15T00:00:00Z"));
        moments.add(Instant.parse("2027-02-01T00:00:00Z"));

        for (int round = 0; round < 2; round++) {
            for (LocalDate asOf : dates) {
                for (Instant knownAt : moments) {
                    HubCoverage expected = Coverage.of(store.hub(hub), knownAt).hub(hub, asOf);
                    assertThat(queries.hub(hub, asOf, knownAt)).contains(expected);
                    assertThat(expected.schools()).hasSize(4);
                    for (GeneratedHub.Institution school : generated.schools) {
                        assertThat(queries.school(school.schoolId(), asOf, knownAt))
                                .isEqualTo(uncached(school.schoolId(), asOf, knownAt));
                    }
                }
            }
            if (round == 0) {
                assertThat(queries.counts().figuresHits()).as("every school's figures were computed once a clock pair"
                        + " and then asked for again by the school query").isEqualTo(4 * 9);
            }
        }
        // The second round asked the 4 schools 2 x 9 times, and all of it came from the cache.
        assertThat(queries.counts().figuresHits()).isEqualTo(4 * 9 + 4 * 9 * 2);
        assertThat(queries.counts().figuresMisses()).isEqualTo(4 * 9);
        assertThat(queries.counts().factsMisses()).isEqualTo(4);
    }

    /**
     * A trend is the hub's reports on its dates, each school put through the engine once for all of them; the
     * engagement counts what an independent replay of the events says stands: recorded, not withdrawn, with the last
     * register.
     */
    @Test
    void aTrendIsTheHubReportsOfItsDatesAndTheEngagementCountsTheStandingEncounters() {
        GeneratedHub generated = GeneratedHub.of(hub, 4, 7);
        for (int from = 0; from < generated.events.size(); from += 1_000) {
            writer.write(generated.events.subList(from, Math.min(generated.events.size(), from + 1_000)));
        }
        Instant february = Instant.parse("2027-02-01T00:00:00Z");

        for (Instant knownAt : java.util.Arrays.asList(null, february)) {
            HubTrend trend = queries.trend(hub, YEAR, LocalDate.of(2027, 7, 20), knownAt).orElseThrow();
            List<LocalDate> dates = HubTrend.dates(YEAR, LocalDate.of(2027, 7, 20));
            Coverage uncached = Coverage.of(store.hub(hub), knownAt);
            assertThat(trend).isEqualTo(HubTrend.of(hub, YEAR, knownAt,
                    dates.stream().map(date -> uncached.hub(hub, date)).toList()));
            assertThat(trend.points()).hasSize(11);
        }
        assertThat(queries.counts().figuresMisses()).as("each school once per date and knownAt").isEqualTo(4 * 11 * 2);
        assertThat(queries.counts().factsMisses()).as("each school's facts loaded once").isEqualTo(4);

        Map<String, EncounterRecorded> recorded = new HashMap<>();
        Map<String, Integer> registers = new HashMap<>();
        for (ReceivedEvent<?> event : generated.events) {
            switch (event.event()) {
                case EncounterRecorded e -> {
                    recorded.put(e.encounterId(), e);
                    registers.putIfAbsent(e.encounterId(), e.attendees().size());
                }
                case AttendanceCorrected e -> registers.put(e.encounterId(), e.attendees().size());
                case EncounterWithdrawn e -> recorded.put(e.encounterId(), null);
                default -> {
                }
            }
        }
        Map<String, int[]> bySector = new HashMap<>();
        recorded.forEach((id, e) -> {
            if (e != null) {
                int[] n = bySector.computeIfAbsent(e.sector(), k -> new int[2]);
                n[0]++;
                n[1] += registers.get(id);
            }
        });
        EmployerEngagement engagement = queries.engagement(hub, YEAR, null).orElseThrow();
        assertThat(engagement.bySector()).hasSizeGreaterThan(3).allSatisfy(sector -> assertThat(
                new int[] {sector.encounters(), sector.attendances()}).containsExactly(bySector.get(sector.sector())));
        assertThat(engagement.bySector()).hasSize(bySector.size());
        assertThat(engagement.encounters()).isEqualTo(bySector.values().stream().mapToInt(n -> n[0]).sum())
                .isLessThan(generated.encounters);
        assertThat(engagement.bySize().stream().mapToInt(EmployerEngagement.SizeCount::attendances).sum())
                .isEqualTo(engagement.attendances());
        assertThat(queries.engagement(hub, "2025/26", null).orElseThrow().encounters()).isZero();
        assertThat(queries.engagement("no-such-hub", YEAR, null)).isEmpty();
    }

    @Test
    void everyKindOfWriteReachesTheNextAnswerAndOnlyItsOwnSchoolsEntries() {
        twoSchools();
        HubCoverage before = freshHub();
        Object versionOfB = store.versions(List.of(b)).get(b);
        assertThat(figures(before, a)).containsExactly(2, 1);

        List<HubCoverage> answers = new ArrayList<>(List.of(before));
        record(talk("e-new-" + a, a, LocalDate.of(2027, 2, 1), a + "-p2"));        // p2 meets GB5
        answers.add(freshHub());
        record(new AttendanceCorrected("e-new-" + a, a, List.of(), "nobody came"));  // and no longer
        answers.add(freshHub());
        record(new MeaningfulnessOverridden("e-" + a, a, Benchmark.GB5, false, "no reflection time"));
        answers.add(freshHub());
        record(new MeaningfulnessOverridden("e-" + a, a, Benchmark.GB5, true, "the plan shows reflection"));
        answers.add(freshHub());
        record(new EncounterWithdrawn("e-" + a, a, "recorded twice"));
        answers.add(freshHub());
        record(new PupilLeft(a + "-p1", a, YEAR, LocalDate.of(2027, 1, 31)));
        answers.add(freshHub());
        record(new PupilDetailsChanged(a + "-p2", a, YEAR, 11, Sen.EHC_PLAN, true, Gender.FEMALE, null));
        answers.add(freshHub());
        record(enrol(a + "-p3", a, 9));
        answers.add(freshHub());

        assertThat(answers.stream().map(h -> figures(h, a)).toList()).containsExactly(
                List.of(2, 1), List.of(2, 2), List.of(2, 1), List.of(2, 0), List.of(2, 1), List.of(2, 0),
                List.of(1, 0), List.of(1, 0), List.of(2, 0));
        // the details change moved p2 to Year 11, where GB6 by 16 is measured
        assertThat(line(answers.get(6), a).gb6By16().onRoll()).isZero();
        assertThat(line(answers.get(7), a).gb6By16().onRoll()).isEqualTo(1);
        for (int i = 1; i < answers.size(); i++) {
            assertThat(answers.get(i)).as("answer after write " + i).isNotEqualTo(answers.get(i - 1));
            assertThat(line(answers.get(i), b)).isEqualTo(line(before, b));
        }
        assertThat(store.versions(List.of(b)).get(b)).as("B was not touched").isEqualTo(versionOfB);

        record(new SchoolMovedHub(a, hub, "hub-elsewhere"));
        assertThat(freshHub().schools()).extracting(s -> s.schoolId()).containsExactly(b);
        assertThat(store.versions(List.of(b)).get(b)).isEqualTo(versionOfB);
    }

    /** The platform's services never put another school's pupil on a register; should one arrive, it still counts. */
    @Test
    void aRegisterNamingAnotherSchoolsPupilReachesThatSchoolThroughLaterEventsToo() {
        twoSchools();
        assertThat(fresh(b)).extracting(s -> s.gb5().met()).isEqualTo(1);

        record(talk("stray", a, LocalDate.of(2027, 2, 1), b + "-p2"));
        assertThat(fresh(b)).extracting(s -> s.gb5().met()).isEqualTo(2);
        record(new EncounterWithdrawn("stray", a, "wrong school"));          // names nobody
        assertThat(fresh(b)).extracting(s -> s.gb5().met()).isEqualTo(1);

        // A register that arrives before the roll naming the pupil: the enrolment brings it in.
        record(talk("early", a, LocalDate.of(2027, 2, 1), b + "-p3"));
        assertThat(fresh(b)).extracting(s -> s.gb5().onRoll()).isEqualTo(2);
        record(enrol(b + "-p3", b, 9));
        assertThat(fresh(b)).extracting(s -> s.gb5().onRoll(), s -> s.gb5().met()).containsExactly(3, 2);
    }

    @Test
    void anotherServiceInstancesWriteReachesThisInstancesCache() {
        twoSchools();
        assertThat(queries.school(a, CENSUS, null).orElseThrow().gb5().met()).isEqualTo(1);

        try (MongoClient otherClient = MongoClients.create(INFRA.mongoUri())) {
            new CoverageWriter(CoverageCollections.of(otherClient.getDatabase(database), 1))
                    .write(List.of(received(talk("e-2", a, LocalDate.of(2027, 2, 1), a + "-p2"), "e-2", SEPTEMBER)));
        }

        assertThat(queries.school(a, CENSUS, null).orElseThrow().gb5().met()).isEqualTo(2);
    }

    @Test
    void aKnownAtBeforeALateArrivingEventStillGivesTheSameFiguresAsUncached() {
        twoSchools();
        Instant issued = Instant.parse("2027-03-01T00:00:00Z");
        SchoolCoverage asIssued = queries.school(a, CENSUS, issued).orElseThrow();

        // An event recorded before the report was issued, delivered only now: the report as known then changes,
        // because it was not yet projected when the report was first asked for.
        record(talk("late", a, LocalDate.of(2027, 2, 1), a + "-p2"), Instant.parse("2027-02-02T10:00:00Z"));

        SchoolCoverage now = queries.school(a, CENSUS, issued).orElseThrow();
        assertThat(now).isEqualTo(uncached(a, CENSUS, issued).orElseThrow());
        assertThat(now.gb5().met()).isEqualTo(asIssued.gb5().met() + 1);
    }

    private CoverageQueries queries(CoverageStore coverageStore) {
        return new CoverageQueries(coverageStore, new CoverageCacheProperties(100, 1_000), new SimpleMeterRegistry());
    }

    /** Schools A and B in one hub, each with two Year 9 pupils, one of whom went to a careers talk. */
    private void twoSchools() {
        for (String school : List.of(a, b)) {
            record(new SchoolRegistered(school, "100001", "School " + school, SchoolType.SCHOOL, hub,
                    List.of(7, 8, 9, 10, 11)));
            record(enrol(school + "-p1", school, 9));
            record(enrol(school + "-p2", school, 9));
            record(talk("e-" + school, school, LocalDate.of(2026, 10, 1), school + "-p1"));
        }
    }

    /** The hub on the census date, checked against the uncached engine, twice (the second from the cache). */
    private HubCoverage freshHub() {
        HubCoverage cached = queries.hub(hub, CENSUS, null).orElseThrow();
        assertThat(cached).isEqualTo(Coverage.of(store.hub(hub), null).hub(hub, CENSUS));
        assertThat(queries.hub(hub, CENSUS, null)).contains(cached);
        return cached;
    }

    private SchoolCoverage fresh(String school) {
        SchoolCoverage cached = queries.school(school, CENSUS, null).orElseThrow();
        assertThat(cached).isEqualTo(uncached(school, CENSUS, null).orElseThrow());
        return cached;
    }

    private Optional<SchoolCoverage> uncached(String school, LocalDate asOf, Instant knownAt) {
        return Coverage.of(store.school(school), knownAt).school(school, asOf);
    }

    private static List<Integer> figures(HubCoverage coverage, String school) {
        SchoolSummary line = line(coverage, school);
        return List.of(line.gb5().onRoll(), line.gb5().met());
    }

    private static SchoolSummary line(HubCoverage coverage, String school) {
        return coverage.schools().stream().filter(s -> s.schoolId().equals(school)).findFirst().orElseThrow();
    }

    private static PupilEnrolled enrol(String pupil, String school, int yearGroup) {
        return new PupilEnrolled(pupil, school, YEAR, yearGroup, LocalDate.of(2026, 9, 1), Sen.NONE, false,
                Gender.MALE, null);
    }

    private static EncounterRecorded talk(String id, String school, LocalDate date, String... attendees) {
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            checklist.put(item.name(), true);
        }
        return new EncounterRecorded(id, school, "employer-1", "Health", EmployerSize.LARGE, null, null,
                ActivityType.CAREERS_TALK, List.of(Benchmark.GB5), date, YEAR, BigDecimal.ONE, DeliveryMode.IN_PERSON,
                "Site", null, List.of(attendees), checklist, Map.of(Benchmark.GB5, true), FrameworkVersion.V2024);
    }

    private void record(IntegrationEvent event) {
        record(event, SEPTEMBER.plusSeconds(sequences.size()));
    }

    private void record(IntegrationEvent event, Instant recordedAt) {
        String aggregate = switch (event) {
            case SchoolRegistered e -> "school-" + e.schoolId();
            case SchoolMovedHub e -> "school-" + e.schoolId();
            case PupilEnrolled e -> "roll-" + e.schoolId();
            case PupilLeft e -> "roll-" + e.schoolId();
            case PupilDetailsChanged e -> "roll-" + e.schoolId();
            case EncounterRecorded e -> e.encounterId();
            case AttendanceCorrected e -> e.encounterId();
            case EncounterWithdrawn e -> e.encounterId();
            case MeaningfulnessOverridden e -> e.encounterId();
            default -> throw new IllegalArgumentException(event.toString());
        };
        writer.write(List.of(received(event, aggregate, recordedAt)));
    }

    private ReceivedEvent<?> received(IntegrationEvent event, String aggregate, Instant recordedAt) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        return new ReceivedEvent<>("test", IntegrationEvents.REGISTRY.typeOf(event), UUID.randomUUID().toString(),
                aggregate, sequence, recordedAt, "user-1", event);
    }
}
