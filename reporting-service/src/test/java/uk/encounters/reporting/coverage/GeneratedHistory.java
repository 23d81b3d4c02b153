package uk.encounters.reporting.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;

/**
 * A generated history for order-insensitivity properties: schools s1 and s2 (special) in hub h1 and college c1 in
 * h2, s2 moving to h2; dozens of pupils over 2024/25 and 2025/26 with joiners, leavers and changed details; sixty
 * encounters with corrections, overrides and withdrawals. And every figure the rules produce from it, so a test can
 * compare two ways of arriving at the facts.
 */
public final class GeneratedHistory {

    public static final List<String> SCHOOLS = List.of("s1", "s2", "c1");
    public static final List<String> HUBS = List.of("h1", "h2");
    public static final List<LocalDate> AS_OF = List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 3, 31),
            LocalDate.of(2025, 7, 31), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31),
            LocalDate.of(2026, 7, 31));
    private static final String[] AREAS = {"Engineering", "Health", null};

    /** Everything the rules produce from the facts, on every date of {@link #AS_OF}, so one equality compares it all. */
    public record Figures(List<SchoolCoverage> schools, List<HubCoverage> hubs, List<PupilCoverage> pupils,
                          List<List<PupilEvidence>> evidence, List<EncounterChecklist> checklists) {
    }

    /** Where the facts behind each kind of report come from: one whole fold, or a store's loads. */
    public interface FactSource {
        Facts hub(String hubId);

        Facts school(String schoolId);

        Facts pupil(String pupilId);

        Facts encounter(String encounterId);
    }

    private GeneratedHistory() {
    }

    public static FactSource whole(Facts facts) {
        return new FactSource() {
            public Facts hub(String hubId) {
                return facts;
            }

            public Facts school(String schoolId) {
                return facts;
            }

            public Facts pupil(String pupilId) {
                return facts;
            }

            public Facts encounter(String encounterId) {
                return facts;
            }
        };
    }

    /** The figures of every school, hub, pupil and encounter named, as known at {@code knownAt} (null: now). */
    public static Figures figures(FactSource source, Collection<String> pupilIds, Collection<String> encounterIds,
                                  Instant knownAt) {
        List<SchoolCoverage> schools = new ArrayList<>();
        List<List<PupilEvidence>> evidence = new ArrayList<>();
        for (String school : SCHOOLS) {
            Coverage coverage = Coverage.of(source.school(school), knownAt);
            for (LocalDate asOf : AS_OF) {
                coverage.school(school, asOf).ifPresent(schools::add);
                for (Measure measure : Measure.values()) {
                    evidence.add(coverage.evidence(school, measure, null, asOf));
                }
            }
        }
        List<HubCoverage> hubs = new ArrayList<>();
        for (String hub : HUBS) {
            Coverage coverage = Coverage.of(source.hub(hub), knownAt);
            AS_OF.forEach(asOf -> hubs.add(coverage.hub(hub, asOf)));
        }
        List<PupilCoverage> pupils = new ArrayList<>();
        pupilIds.stream().sorted().forEach(pupil -> {
            Coverage coverage = Coverage.of(source.pupil(pupil), knownAt);
            AS_OF.forEach(asOf -> coverage.pupil(pupil, asOf).ifPresent(pupils::add));
        });
        List<EncounterChecklist> checklists = encounterIds.stream().sorted()
                .flatMap(e -> Coverage.of(source.encounter(e), knownAt).checklist(e).stream()).toList();
        return new Figures(schools, hubs, pupils, evidence, checklists);
    }

    /** Guards the property against a generator that only ever produces zeros. */
    public static void assertNotTrivial(List<History.Stamped> events, Figures now, Figures midway) {
        assertThat(events).hasSizeGreaterThan(200);
        assertThat(now.schools()).anySatisfy(s -> assertThat(s.gb5().met()).isPositive());
        assertThat(now.schools()).anySatisfy(s -> assertThat(s.gb6By18().met()).isPositive());
        assertThat(now.schools()).anySatisfy(s -> assertThat(s.atRisk().get(Measure.GB5)).isNotEmpty());
        assertThat(now.checklists()).anySatisfy(c -> assertThat(c.withdrawn()).isTrue());
        assertThat(now.checklists()).anySatisfy(c -> assertThat(c.results().values())
                .anySatisfy(r -> assertThat(r.override()).isNotNull()));
        assertThat(now.checklists()).flatExtracting(EncounterChecklist::events)
                .extracting(EvidenceEvent::recordedBy).contains("s1-leader", "s1-deputy").doesNotContainNull();
        assertThat(now).isNotEqualTo(midway);
    }

    public static History generate(Random random) {
        History history = new History().at(Instant.parse("2024-08-20T08:00:00Z"));
        history.school("s1", SchoolType.SCHOOL, "h1").school("s2", SchoolType.SPECIAL_SCHOOL, "h1")
                .school("c1", SchoolType.COLLEGE, "h2");
        Map<String, List<String>> pupilsBySchool = new LinkedHashMap<>();
        pupils(history, random, "s1", 30, 7, 13, pupilsBySchool);
        pupils(history, random, "s2", 15, 7, 11, pupilsBySchool);
        pupils(history, random, "c1", 15, 12, 13, pupilsBySchool);
        history.moveHub("s2", "h1", "h2");
        for (int i = 1; i <= 60; i++) {
            String school = SCHOOLS.get(random.nextInt(SCHOOLS.size()));
            encounter(history, random, "e" + i, school, pupilsBySchool.get(school));
        }
        return history;
    }

    private static void pupils(History history, Random random, String school, int count, int fromYear, int toYear,
                               Map<String, List<String>> pupilsBySchool) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String pupil = school + "-p" + i;
            ids.add(pupil);
            String academicYear = random.nextBoolean() ? "2024/25" : "2025/26";
            int yearGroup = fromYear + random.nextInt(toYear - fromYear + 1);
            LocalDate admission = AcademicYears.firstDay(academicYear).plusDays(random.nextInt(5) == 0
                    ? random.nextInt(200) : 0);
            Sen sen = Sen.values()[random.nextInt(Sen.values().length)];
            Gender gender = Gender.values()[random.nextInt(Gender.values().length)];
            history.enrol(pupil, school, academicYear, yearGroup, admission, sen, random.nextBoolean(), gender,
                    AREAS[random.nextInt(AREAS.length)]);
            if (random.nextInt(6) == 0) {
                history.detailsChanged(pupil, school, academicYear, yearGroup, Sen.SEN_SUPPORT, true, gender,
                        AREAS[random.nextInt(AREAS.length)]);
            }
            if (random.nextInt(5) == 0) {
                LocalDate leaving = admission.plusDays(30 + random.nextInt(300));
                history.leave(pupil, school, leaving);
                if (random.nextBoolean()) {
                    history.enrol(pupil, school, AcademicYears.containing(leaving.plusDays(40)), yearGroup,
                            leaving.plusDays(40), sen, false, gender, null);
                }
            }
        }
        pupilsBySchool.put(school, ids);
    }

    private static void encounter(History history, Random random, String id, String school, List<String> pupils) {
        ActivityType activity = ActivityType.values()[random.nextInt(ActivityType.values().length)];
        Set<Benchmark> tags = random.nextInt(4) == 0 ? EnumSet.allOf(Benchmark.class) : activity.defaultBenchmarks();
        LocalDate date = LocalDate.of(2024, 9, 2).plusDays(random.nextInt(680));
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            checklist.put(item.name(), random.nextInt(10) != 0);
        }
        // Two accounts per school, so the figures' evidence must keep who recorded what apart.
        history.by(school + "-leader").record(id, school, activity, tags, date, List.of("1", "2.5", "6", "25").get(random.nextInt(4)),
                DeliveryMode.values()[random.nextInt(DeliveryMode.values().length)],
                AREAS[random.nextInt(AREAS.length)], checklist, register(random, pupils));
        history.by(school + "-deputy");
        if (random.nextInt(4) == 0) {
            history.correct(id, school, register(random, pupils));
        }
        List<Benchmark> tagList = List.copyOf(tags);
        for (int i = random.nextInt(4); i < 2; i++) {
            history.override(id, school, tagList.get(random.nextInt(tagList.size())), random.nextBoolean());
        }
        if (random.nextInt(10) == 0) {
            history.withdraw(id, school);
        }
    }

    private static String[] register(Random random, List<String> pupils) {
        List<String> shuffled = new ArrayList<>(pupils);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, 1 + random.nextInt(Math.min(12, shuffled.size()))).toArray(String[]::new);
    }
}
