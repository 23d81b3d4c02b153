package uk.encounters.reporting.projection;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * A Careers Hub of realistic shape for the coverage query benchmark, the same for the same seed: school 0 is an
 * 11-18 school of 1,500 pupils, school 1 a special school (Years 7-13), school 2 a sixth-form college with
 * curriculum areas, the rest 11-16 schools of 800-1,050 pupils and (every third) 11-18 schools of 950-1,300. Pupils
 * are enrolled for 2026/27 (SEN, pupil premium and gender in national proportions), a few join during the year, 2%
 * leave and 1% have their details changed. Each school records 60-100 encounters of 30 attendees from one year group
 * over the year: careers talks and other GB5 activities, workplace visits and placements for GB6, 15% with a failing
 * checklist item; 5% of registers are corrected, 2% of encounters overridden and 1% withdrawn.
 */
final class GeneratedHub {

    static final String YEAR = "2026/27";
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 7);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 7, 16);
    static final int ATTENDEES = 30;
    private static final List<String> AREAS = List.of("Health", "Engineering", "Business", "Creative Arts",
            "Construction", "Digital");
    /** Each employer's sector follows from its number, so the random draws (and the hub) are as before. */
    private static final List<String> SECTORS = List.of("Health", "Finance", "Manufacturing", "Retail",
            "Public services", "Construction", "Digital", "Hospitality");

    record Institution(String schoolId, SchoolType type, List<Integer> yearGroups, int pupils) {
    }

    final String hubId;
    final List<Institution> schools = new ArrayList<>();
    final List<ReceivedEvent<?>> events = new ArrayList<>();
    int encounters;
    int attendances;

    private final Random random;
    private final Map<String, Long> sequences = new HashMap<>();

    private GeneratedHub(String hubId, long seed) {
        this.hubId = hubId;
        this.random = new Random(seed);
    }

    static GeneratedHub of(String hubId, int schoolCount, long seed) {
        GeneratedHub hub = new GeneratedHub(hubId, seed);
        for (int s = 0; s < schoolCount; s++) {
            hub.school(s);
        }
        return hub;
    }

    int pupils() {
        return schools.stream().mapToInt(Institution::pupils).sum();
    }

    private void school(int index) {
        String schoolId = hubId + "-school-" + index;
        Institution school = switch (index) {
            case 0 -> new Institution(schoolId, SchoolType.SCHOOL, years(7, 13), 1_500);
            case 1 -> new Institution(schoolId, SchoolType.SPECIAL_SCHOOL, years(7, 13), 140);
            case 2 -> new Institution(schoolId, SchoolType.COLLEGE, years(12, 13), 1_000);
            default -> index % 3 == 0
                    ? new Institution(schoolId, SchoolType.SCHOOL, years(7, 13), 950 + random.nextInt(351))
                    : new Institution(schoolId, SchoolType.SCHOOL, years(7, 11), 800 + random.nextInt(251));
        };
        schools.add(school);
        add(new SchoolRegistered(schoolId, String.valueOf(100_000 + index), "School " + index, school.type(), hubId,
                school.yearGroups()), "school-" + schoolId, at(LocalDate.of(2026, 7, 1)));
        Map<Integer, List<String>> byYear = roll(school);
        int count = 60 + random.nextInt(41);
        for (int e = 0; e < count; e++) {
            encounter(school, schoolId + "-e" + e, byYear);
        }
    }

    /** Sixth-form year groups are smaller than the main school's, as they are in most 11-18 schools. */
    private Map<Integer, List<String>> roll(Institution school) {
        String roll = "roll-" + school.schoolId();
        double weights = school.yearGroups().stream().mapToDouble(y -> y >= 12 ? 0.6 : 1).sum();
        Map<Integer, List<String>> byYear = new LinkedHashMap<>();
        for (int year : school.yearGroups()) {
            int size = (int) Math.round(school.pupils() * (year >= 12 ? 0.6 : 1) / weights);
            List<String> pupils = new ArrayList<>();
            for (int p = 0; p < size; p++) {
                String pupilId = school.schoolId() + "-y" + year + "-p" + p;
                pupils.add(pupilId);
                boolean joiner = random.nextInt(100) < 2;
                LocalDate admission = joiner ? day() : LocalDate.of(2026 - (year - (year >= 12 ? 12 : 7)), 9, 1);
                String area = school.type() == SchoolType.COLLEGE ? AREAS.get(random.nextInt(AREAS.size())) : null;
                Sen sen = sen();
                Gender gender = gender();
                add(new PupilEnrolled(pupilId, school.schoolId(), YEAR, year, admission, sen,
                        random.nextInt(100) < 25, gender, area), roll, at(joiner ? admission : FIRST_DAY.minusDays(6)));
                int change = random.nextInt(100);
                if (change < 2) {
                    LocalDate left = day();
                    if (!left.isBefore(admission)) {
                        add(new PupilLeft(pupilId, school.schoolId(), YEAR, left), roll, at(left.plusDays(1)));
                    }
                } else if (change < 3) {
                    add(new PupilDetailsChanged(pupilId, school.schoolId(), YEAR, year, Sen.SEN_SUPPORT,
                            random.nextBoolean(), gender, area), roll, at(day()));
                }
            }
            byYear.put(year, pupils);
        }
        return byYear;
    }

    private void encounter(Institution school, String encounterId, Map<Integer, List<String>> byYear) {
        int year = school.yearGroups().get(random.nextInt(school.yearGroups().size()));
        List<String> group = byYear.get(year);
        List<String> attendees = new ArrayList<>();
        int from = random.nextInt(Math.max(1, group.size() - ATTENDEES));
        for (int i = from; i < Math.min(group.size(), from + ATTENDEES); i++) {
            attendees.add(group.get(i));
        }
        int kind = random.nextInt(100);
        ActivityType activity;
        List<Benchmark> tags;
        BigDecimal hours;
        if (kind < 65) {
            activity = List.of(ActivityType.CAREERS_TALK, ActivityType.MOCK_INTERVIEWS, ActivityType.CAREERS_FAIR,
                    ActivityType.CV_WORKSHOP, ActivityType.ENTERPRISE_CHALLENGE).get(random.nextInt(5));
            tags = kind < 60 ? List.of(Benchmark.GB5) : List.of(Benchmark.GB5, Benchmark.GB6);
            hours = BigDecimal.valueOf(1 + random.nextInt(3));
        } else if (kind < 90) {
            activity = List.of(ActivityType.WORKPLACE_VISIT, ActivityType.WORK_SHADOWING,
                    ActivityType.VIRTUAL_WORK_EXPERIENCE, ActivityType.TECHNICAL_DEMONSTRATION).get(random.nextInt(4));
            tags = List.of(Benchmark.GB6);
            hours = new BigDecimal("3.5").add(BigDecimal.valueOf(random.nextInt(4)));
        } else {
            activity = switch (school.type()) {
                case COLLEGE -> ActivityType.T_LEVEL_INDUSTRY_PLACEMENT;
                case SPECIAL_SCHOOL -> ActivityType.SUPPORTED_INTERNSHIP;
                case SCHOOL -> ActivityType.WORK_EXPERIENCE_PLACEMENT;
            };
            tags = List.of(Benchmark.GB6);
            hours = new BigDecimal("30");
        }
        DeliveryMode mode = activity == ActivityType.VIRTUAL_WORK_EXPERIENCE ? DeliveryMode.VIRTUAL
                : random.nextInt(100) < 10 ? DeliveryMode.HYBRID : DeliveryMode.IN_PERSON;
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            checklist.put(item.name(), true);
        }
        if (random.nextInt(100) < 15) {
            checklist.put(ChecklistItem.values()[random.nextInt(ChecklistItem.values().length)].name(), false);
        }
        LocalDate date = day();
        String area = school.type() == SchoolType.COLLEGE ? AREAS.get(random.nextInt(AREAS.size())) : null;
        Map<Benchmark, Boolean> meaningful = new LinkedHashMap<>();
        tags.forEach(b -> meaningful.put(b, true));
        int employer = random.nextInt(120);
        add(new EncounterRecorded(encounterId, school.schoolId(), "employer-" + employer,
                SECTORS.get(employer % SECTORS.size()),
                EmployerSize.values()[random.nextInt(EmployerSize.values().length)], null, null, activity, tags, date,
                YEAR, hours, mode, "Site", area, attendees, checklist, meaningful,
                FrameworkVersion.forAcademicYear(YEAR)), encounterId, at(date.plusDays(1)));
        encounters++;
        attendances += attendees.size();
        int later = random.nextInt(100);
        Instant corrected = at(date.plusDays(7));
        if (later < 5 && attendees.size() > 3) {
            List<String> register = new ArrayList<>(attendees.subList(2, attendees.size()));
            register.add(group.get(random.nextInt(group.size())));
            add(new AttendanceCorrected(encounterId, school.schoolId(), register.stream().distinct().toList(),
                    "two were absent"), encounterId, corrected);
        } else if (later < 7) {
            add(new MeaningfulnessOverridden(encounterId, school.schoolId(), tags.getFirst(), true,
                    "the plan shows reflection time"), encounterId, corrected);
        } else if (later < 8) {
            add(new EncounterWithdrawn(encounterId, school.schoolId(), "recorded twice"), encounterId, corrected);
        }
    }

    private void add(IntegrationEvent event, String aggregateId, Instant recordedAt) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        events.add(new ReceivedEvent<>("bench", IntegrationEvents.REGISTRY.typeOf(event),
                aggregateId + "#" + sequence, aggregateId, sequence, recordedAt, "bench", event));
    }

    /** A school day of the year. */
    private LocalDate day() {
        LocalDate day;
        do {
            day = FIRST_DAY.plusDays(random.nextInt((int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1));
        } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
        return day;
    }

    private Sen sen() {
        int r = random.nextInt(100);
        return r < 84 ? Sen.NONE : r < 97 ? Sen.SEN_SUPPORT : Sen.EHC_PLAN;
    }

    private Gender gender() {
        int r = random.nextInt(100);
        return r < 49 ? Gender.FEMALE : r < 98 ? Gender.MALE : r < 99 ? Gender.OTHER : Gender.NOT_RECORDED;
    }

    private static List<Integer> years(int from, int to) {
        List<Integer> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            years.add(y);
        }
        return years;
    }

    private static Instant at(LocalDate date) {
        return date.atTime(16, 0).toInstant(ZoneOffset.UTC);
    }

    /**
     * The {@code i}th careers talk recorded after the hub's history, for a benchmark's writes: 30 Year 7 pupils of
     * one school (a different school each time, never the first three), on 1 March 2027.
     */
    ReceivedEvent<EncounterRecorded> extraTalk(int i, String sector, EmployerSize size) {
        Institution school = schools.get(3 + i % (schools.size() - 3));
        List<String> attendees = new ArrayList<>();
        for (int p = 0; p < ATTENDEES; p++) {
            attendees.add(school.schoolId() + "-y7-p" + (p + i) % 100);
        }
        String id = school.schoolId() + "-extra-" + i;
        EncounterRecorded event = new EncounterRecorded(id, school.schoolId(), "employer-1", sector, size, null, null,
                ActivityType.CAREERS_TALK, List.of(Benchmark.GB5), LocalDate.of(2027, 3, 1), YEAR, BigDecimal.ONE,
                DeliveryMode.IN_PERSON, "Site", null, attendees, Map.of("LEARNING_OUTCOMES", true,
                        "TWO_WAY_INTERACTION", true, "PURPOSE_SHARED", true, "REFLECTION", true),
                Map.of(Benchmark.GB5, true), FrameworkVersion.V2024);
        return new ReceivedEvent<>("bench", IntegrationEvents.REGISTRY.typeOf(event), java.util.UUID.randomUUID()
                .toString(), id, 0L, Instant.parse("2027-03-02T10:00:00Z"), "bench", event);
    }
}
