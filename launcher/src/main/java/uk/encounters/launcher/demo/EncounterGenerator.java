package uk.encounters.launcher.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.launcher.demo.EncounterPlan.Correction;
import uk.encounters.launcher.demo.EncounterPlan.MeaningOverride;

/**
 * The encounters schools recorded over the last academic years up to today, shaped so that coverage looks like a
 * real hub's: each school and year group aims at a share of its pupils (GB5 mostly 60-90% over a whole year, GB6
 * lower and concentrated in Year 10's work-experience week and the sixth form), careers leaders send pupils who have
 * not had an encounter yet first, and some checklists fail, some registers are corrected, a few results are
 * overridden and a few records withdrawn.
 * <p>
 * Three academic years are planned: two years ago (under the 2014 framework, lighter), last year (whole) and this
 * year up to today, so both framework versions show and GB6 "by 16" builds up over Years 9 to 11.
 */
final class EncounterGenerator {

    private static final int MAX_REGISTER = 2_000;
    private static final List<String> CORRECTION_REMOVED = List.of(
            "Pupils marked present were on a geography field trip that day.",
            "Register taken from the booking list; these pupils were absent on the day.",
            "Pupil was off sick; removed after checking the attendance register.");
    private static final List<String> CORRECTION_ADDED = List.of(
            "Pupils who joined the session late were missed off the register.",
            "Added pupils who attended from the learning support base.",
            "Register completed from the employer's sign-in sheet.");
    private static final List<String> OVERRIDE_MET = List.of(
            "The employer sent written feedback on each pupil's task a week later; evidence on file.",
            "Reflection happened in the next tutor session; checklist was completed before it.",
            "Learning outcomes were agreed with the employer by email; the form was ticked wrongly.");
    private static final List<String> OVERRIDE_NOT_MET = List.of(
            "The speaker could not attend and a recorded video was shown instead; no interaction took place.",
            "The session turned into a recruitment pitch for a training provider; not a meaningful encounter.");
    private static final List<String> WITHDRAWN = List.of(
            "Recorded twice in error; the other record stands.",
            "Recorded against the wrong school's event in error.",
            "The visit was cancelled on the day because of snow; it had been recorded in advance by mistake.");

    private final long seed;
    private final LocalDate today;
    private final DemoPlan.Ids ids;
    private final List<EmployerPlan> employers;
    private final int currentStart;

    EncounterGenerator(long seed, LocalDate today, DemoPlan.Ids ids, List<EmployerPlan> employers) {
        this.seed = seed;
        this.today = today;
        this.ids = ids;
        this.employers = employers;
        this.currentStart = SchoolCalendar.academicYearStart(today);
    }

    List<EncounterPlan> encounters(List<SchoolPlan> schools) {
        List<EncounterPlan> all = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            all.addAll(new SchoolYears(i + 1, schools.get(i), Dice.forPart(seed, "encounters:" + (i + 1))).plan());
        }
        all = Corrections.ensureEachKindShows(all, Dice.forPart(seed, "ensure"));
        all.addAll(new FullAchievement(schools, all, Dice.forPart(seed, "full achievement")).catchUps());
        return all;
    }

    /**
     * Some schools make sure that everyone is covered in a year: a careers leader who checks the list in July and
     * runs a careers fair for those who missed out (GB5), or a placement week in March for every Year 11 and 13 still
     * without a workplace experience (GB6). A minority of schools do so in each whole past year, so the hub's share
     * of schools fully achieving a benchmark lies between none and all, as a real hub's does; colleges, with two
     * encounters per learner to arrange, do not here.
     */
    private final class FullAchievement {
        private final List<SchoolPlan> schools;
        private final List<EncounterPlan> planned;
        private final Dice dice;
        private final Map<String, Integer> counters = new HashMap<>();

        FullAchievement(List<SchoolPlan> schools, List<EncounterPlan> planned, Dice dice) {
            this.schools = schools;
            this.planned = planned;
            this.dice = dice;
            planned.forEach(e -> counters.merge(e.schoolId(), 1, Integer::sum));
        }

        List<EncounterPlan> catchUps() {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < schools.size(); i++) {
                if (!schools.get(i).isCollege()) {
                    candidates.add(i);
                }
            }
            List<EncounterPlan> added = new ArrayList<>();
            for (int startYear = currentStart - DemoPlan.ROLL_YEARS + 1; startYear < currentStart; startYear++) {
                for (int i : dice.sample(candidates, minority(candidates.size(), dice.between(0.3, 0.45)))) {
                    added.addAll(gb5(i, startYear));
                }
                for (int i : dice.sample(candidates, minority(candidates.size(), dice.between(0.25, 0.4)))) {
                    added.addAll(gb6(i, startYear));
                }
            }
            return added;
        }

        private static int minority(int of, double share) {
            return Math.max(1, (int) Math.round(of * share));
        }

        /** One careers fair per year group, in July, for the pupils on roll then who have not met GB5 that year. */
        private List<EncounterPlan> gb5(int index, int startYear) {
            SchoolPlan school = schools.get(index);
            LocalDate date = SchoolCalendar.schoolDayBetween(dice, LocalDate.of(startYear + 1, 7, 1),
                    LocalDate.of(startYear + 1, 7, 21));
            List<EncounterPlan> added = new ArrayList<>();
            for (int year : school.yearGroups()) {
                List<String> register = uncovered(school, Benchmark.GB5, date, year,
                        (e, group) -> SchoolCalendar.academicYearStart(e.date()) == startYear);
                if (!register.isEmpty()) {
                    added.add(catchUp(index, ActivityType.CAREERS_FAIR, Benchmark.GB5, date, "2.00",
                            school.name() + ", sports hall", register, employer(false)));
                }
            }
            return added;
        }

        /**
         * A placement week in March for every Year 11 without a workplace experience since Year 7 and every Year 13
         * without one in the sixth form, in groups of up to six per employer.
         */
        private List<EncounterPlan> gb6(int index, int startYear) {
            SchoolPlan school = schools.get(index);
            LocalDate date = SchoolCalendar.schoolDayBetween(dice, LocalDate.of(startYear + 1, 3, 2),
                    LocalDate.of(startYear + 1, 3, 27));
            List<EncounterPlan> added = new ArrayList<>();
            for (int year : List.of(11, 13)) {
                if (!school.yearGroups().contains(year)) {
                    continue;
                }
                List<String> without = uncovered(school, Benchmark.GB6, date, year,
                        (e, group) -> year == 11 ? group >= 7 && group <= 11 : group >= 12 && group <= 13);
                for (int from = 0; from < without.size(); from += 6) {
                    EmployerPlan employer = employer(true);
                    added.add(catchUp(index, ActivityType.WORK_EXPERIENCE_PLACEMENT, Benchmark.GB6, date, "30.00",
                            employer.name() + ", " + employer.postcode(),
                            without.subList(from, Math.min(without.size(), from + 6)), employer));
                }
            }
            return added;
        }

        /**
         * The pupils in {@code year} on roll on {@code date} without a meaningful encounter for the benchmark by then
         * that {@code counts} (given the pupil's year group when it took place).
         */
        private List<String> uncovered(SchoolPlan school, Benchmark benchmark, LocalDate date, int year,
                                       BiPredicate<EncounterPlan, Integer> counts) {
            int startYear = SchoolCalendar.academicYearStart(date);
            Map<String, PupilPlan> cohort = new LinkedHashMap<>();
            school.pupils().stream().filter(p -> p.onRoll(date) && school.yearGroupIn(p, startYear) == year)
                    .forEach(p -> cohort.put(p.upn(), p));
            planned.stream()
                    .filter(e -> e.schoolId().equals(school.schoolId()) && !e.date().isAfter(date)
                            && e.counts(benchmark))
                    .forEach(e -> e.finalAttendees().forEach(upn -> {
                        PupilPlan p = cohort.get(upn);
                        if (p != null && counts.test(e, school.yearGroupIn(p, SchoolCalendar.academicYearStart(
                                e.date())))) {
                            cohort.remove(upn);
                        }
                    }));
            return List.copyOf(cohort.keySet());
        }

        private EncounterPlan catchUp(int index, ActivityType activity, Benchmark benchmark, LocalDate date,
                                      String hours, String location, List<String> register, EmployerPlan employer) {
            FrameworkVersion framework = FrameworkVersion.forAcademicYear(AcademicYears.containing(date));
            Map<String, Boolean> answers = new TreeMap<>();
            Checklists.items(List.of(benchmark), framework).forEach(item -> answers.put(item.name(), true));
            String schoolId = schools.get(index).schoolId();
            return new EncounterPlan(ids.encounter(index + 1, counters.merge(schoolId, 1, Integer::sum)), schoolId,
                    employer.employerId(), activity, List.of(benchmark), date, new BigDecimal(hours),
                    DeliveryMode.IN_PERSON, location, null, register, answers, null, null, null);
        }

        /** Placements go to employers with room for a few pupils; fairs welcome anyone. */
        private EmployerPlan employer(boolean needsRoom) {
            List<EmployerPlan> suitable = employers.stream().filter(e -> !needsRoom
                    || (e.size() != EmployerSize.SELF_EMPLOYED && e.size() != EmployerSize.MICRO)).toList();
            return dice.pick(suitable, suitable.stream().mapToDouble(EmployerPlan::engagement).toArray());
        }
    }

    /** How far through the current school year today is, as a share of a whole year's activity. */
    double yearFactor(int startYear) {
        if (startYear < currentStart - 1) {
            return 0.6;
        }
        if (startYear < currentStart) {
            return 1.0;
        }
        LocalDate first = LocalDate.of(currentStart, 9, 1);
        LocalDate last = LocalDate.of(currentStart + 1, 7, 22);
        double elapsed = (double) ChronoUnit.DAYS.between(first, today) / ChronoUnit.DAYS.between(first, last);
        return Math.max(0, Math.min(1, 0.15 + 1.1 * elapsed));
    }

    /** One school's encounters over the planned academic years. */
    private final class SchoolYears {
        private final int index;
        private final SchoolPlan school;
        private final Dice dice;
        private final double gb5Base;
        private final double gb6Factor;
        private int counter;
        private final List<EncounterPlan> planned = new ArrayList<>();

        SchoolYears(int index, SchoolPlan school, Dice dice) {
            this.index = index;
            this.school = school;
            this.dice = dice;
            this.gb5Base = school.isCollege() ? dice.between(0.55, 0.8) : dice.between(0.62, 0.88);
            this.gb6Factor = dice.between(0.6, 1.3);
        }

        List<EncounterPlan> plan() {
            for (int startYear = currentStart - 2; startYear <= currentStart; startYear++) {
                LocalDate first = SchoolCalendar.firstSchoolDayFrom(LocalDate.of(startYear, 9, 8));
                LocalDate last = LocalDate.of(startYear + 1, 7, 22);
                if (last.isAfter(today)) {
                    last = today;
                }
                if (last.isBefore(first)) {
                    continue;
                }
                Window window = new Window(startYear, first, last);
                double factor = yearFactor(startYear);
                if (school.type() == SchoolType.SCHOOL && dice.chance(startYear < currentStart - 1 ? 0.2 : 0.4)) {
                    assembly(window);
                }
                for (int year : school.yearGroups()) {
                    List<PupilPlan> cohort = cohort(window, year);
                    if (cohort.isEmpty()) {
                        continue;
                    }
                    double gb5 = Math.max(0.3, Math.min(0.95, gb5Base + dice.gaussian(0, 0.06)
                            + (year == 11 ? 0.05 : year == 7 ? -0.05 : 0)));
                    aimAt(window, year, cohort, Benchmark.GB5, school.isCollege() ? 2 : 1, gb5 * factor);
                    aimAt(window, year, cohort, Benchmark.GB6, 1,
                            Math.min(0.9, gb6Share(year) * gb6Factor) * Math.pow(factor, 1.5));
                }
            }
            return planned;
        }

        private double gb6Share(int year) {
            return switch (school.type()) {
                case COLLEGE -> year == 12 ? 0.35 : 0.3;
                case SPECIAL_SCHOOL -> year >= 12 ? 0.5 : year >= 10 ? 0.35 : 0.2;
                case SCHOOL -> switch (year) {
                    case 7 -> 0.06;
                    case 8 -> 0.1;
                    case 9 -> 0.22;
                    case 10 -> 0.55;
                    case 11 -> 0.15;
                    case 12 -> 0.4;
                    default -> 0.15;
                };
            };
        }

        /** Pupils in the year group that academic year who were on this school's roll at some point in the window. */
        private List<PupilPlan> cohort(Window window, int year) {
            return school.pupils().stream()
                    .filter(p -> p.yearGroupIn(window.startYear(), currentStart) == year)
                    .filter(p -> !p.admissionDate().isAfter(window.last())
                            && (p.leavingDate() == null || !p.leavingDate().isBefore(window.first())))
                    .toList();
        }

        /**
         * Records encounters until {@code share} of the cohort has met the benchmark ({@code required} meaningful
         * encounters each: two at colleges for GB5), sending those who lack one first, as careers leaders do.
         */
        private void aimAt(Window window, int year, List<PupilPlan> cohort, Benchmark benchmark, int required,
                           double share) {
            int need = (int) Math.round(share * cohort.size());
            Map<String, Integer> counts = new HashMap<>();
            int met = 0;
            for (int attempt = 0; met < need && attempt < 120; attempt++) {
                ActivityType activity = activity(benchmark, year);
                LocalDate date = date(activity, year, window);
                if (date == null) {
                    return;
                }
                List<PupilPlan> pool = cohort.stream().filter(p -> p.onRoll(date)).toList();
                String area = null;
                if (school.isCollege()) {
                    area = area(pool, counts, required);
                    String wanted = area;
                    pool = pool.stream().filter(p -> p.curriculumArea() == null
                            || p.curriculumArea().equals(wanted)).toList();
                }
                if (pool.isEmpty()) {
                    continue;
                }
                Quality quality = quality(activity, window);
                int size = groupSize(activity, pool.size());
                List<PupilPlan> chosen;
                if (activity == ActivityType.CAREERS_FAIR) {
                    chosen = dice.sample(pool, (int) Math.round(pool.size() * dice.between(0.82, 0.95)));
                } else if (quality.counts()) {
                    chosen = preferUncovered(pool, counts, required, size, need - met);
                } else {
                    chosen = dice.sample(pool, size);
                }
                if (chosen.isEmpty()) {
                    continue;
                }
                List<String> register = chosen.stream().map(PupilPlan::upn).toList();
                Correction correction = register.size() >= 4 && dice.chance(0.04) ? correction(register, pool) : null;
                EncounterPlan encounter = encounter(activity, benchmark, date, area, register, quality, correction);
                planned.add(encounter);
                if (encounter.counts(benchmark)) {
                    for (String upn : encounter.finalAttendees()) {
                        if (counts.merge(upn, 1, Integer::sum) == required) {
                            met++;
                        }
                    }
                }
            }
        }

        /** Pupils still short of the benchmark first (those one short before those with none), then the rest. */
        private List<PupilPlan> preferUncovered(List<PupilPlan> pool, Map<String, Integer> counts, int required,
                                                int size, int stillNeeded) {
            List<PupilPlan> oneShort = new ArrayList<>();
            List<PupilPlan> none = new ArrayList<>();
            List<PupilPlan> covered = new ArrayList<>();
            for (PupilPlan p : pool) {
                int count = counts.getOrDefault(p.upn(), 0);
                (count >= required ? covered : count == required - 1 ? oneShort : none).add(p);
            }
            List<PupilPlan> chosen = new ArrayList<>(dice.sample(oneShort, Math.min(size, stillNeeded)));
            if (required > 1) {
                chosen.addAll(dice.sample(none, size - chosen.size()));
            }
            // Some who have met it already come along too: groups are classes, not lists of the uncovered.
            chosen.addAll(dice.sample(covered, Math.max(0, size - chosen.size())));
            return chosen;
        }

        /** The curriculum area of a college group: that of a learner who still needs encounters, if any. */
        private String area(List<PupilPlan> pool, Map<String, Integer> counts, int required) {
            List<String> needing = pool.stream().filter(p -> counts.getOrDefault(p.upn(), 0) < required)
                    .map(PupilPlan::curriculumArea).filter(a -> a != null).toList();
            return needing.isEmpty() ? dice.pick(RollGenerator.CURRICULUM_AREAS) : dice.pick(needing);
        }

        /** A whole-school assembly with a visiting speaker: a large register, but one-way, so not meaningful. */
        private void assembly(Window window) {
            LocalDate date = SchoolCalendar.schoolDayBetween(dice, window.first(), window.last());
            if (date == null) {
                return;
            }
            List<String> register = school.pupils().stream()
                    .filter(p -> p.onRoll(date))
                    .filter(p -> {
                        int year = p.yearGroupIn(window.startYear(), currentStart);
                        return year >= 7 && year <= 11;
                    })
                    .map(PupilPlan::upn).limit(MAX_REGISTER).toList();
            if (register.isEmpty()) {
                return;
            }
            FrameworkVersion framework = FrameworkVersion.forAcademicYear(window.academicYear());
            Map<String, Boolean> answers = new TreeMap<>();
            Checklists.items(List.of(Benchmark.GB5), framework).forEach(item -> answers.put(item.name(), true));
            answers.put(ChecklistItem.TWO_WAY_INTERACTION.name(), false);
            if (framework == FrameworkVersion.V2014) {
                answers.put(ChecklistItem.ACTIVE_PARTICIPATION.name(), false);
            }
            EmployerPlan employer = employer(ActivityType.CAREERS_TALK, register.size(), null);
            planned.add(new EncounterPlan(ids.encounter(index, ++counter), school.schoolId(), employer.employerId(),
                    ActivityType.CAREERS_TALK, List.of(Benchmark.GB5), date, quarterHours(0.75), DeliveryMode.IN_PERSON,
                    school.name() + ", main hall", null, register, answers, null, null, null));
        }

        private ActivityType activity(Benchmark benchmark, int year) {
            if (benchmark == Benchmark.GB5) {
                return switch (year) {
                    case 7, 8 -> weighted(new Object[] {ActivityType.CAREERS_TALK, 4, ActivityType.ENTERPRISE_CHALLENGE,
                            3, ActivityType.CAREERS_FAIR, 0.6});
                    case 9 -> weighted(new Object[] {ActivityType.CAREERS_TALK, 3, ActivityType.CAREERS_FAIR, 1,
                            ActivityType.CV_WORKSHOP, 1, ActivityType.ENTERPRISE_CHALLENGE, 1});
                    case 10 -> weighted(new Object[] {ActivityType.CAREERS_TALK, 3, ActivityType.MENTORING, 2,
                            ActivityType.CV_WORKSHOP, 2, ActivityType.CAREERS_FAIR, 0.5});
                    case 11 -> weighted(new Object[] {ActivityType.MOCK_INTERVIEWS, 4, ActivityType.CV_WORKSHOP, 2,
                            ActivityType.CAREERS_TALK, 2, ActivityType.MENTORING, 1});
                    default -> weighted(new Object[] {ActivityType.MENTORING, 3, ActivityType.MOCK_INTERVIEWS, 2,
                            ActivityType.CAREERS_TALK, 2, ActivityType.CV_WORKSHOP, 1, ActivityType.CAREERS_FAIR, 0.5});
                };
            }
            if (school.type() == SchoolType.SPECIAL_SCHOOL) {
                return year >= 12 ? weighted(new Object[] {ActivityType.SUPPORTED_INTERNSHIP, 4,
                        ActivityType.WORKPLACE_VISIT, 2}) : ActivityType.WORKPLACE_VISIT;
            }
            if (school.isCollege()) {
                return weighted(new Object[] {ActivityType.T_LEVEL_INDUSTRY_PLACEMENT, 4,
                        ActivityType.WORK_EXPERIENCE_PLACEMENT, 3, ActivityType.WORK_SHADOWING, 1,
                        ActivityType.WORKPLACE_VISIT, 1});
            }
            return switch (year) {
                case 7, 8, 9 -> weighted(new Object[] {ActivityType.WORKPLACE_VISIT, 4,
                        ActivityType.TECHNICAL_DEMONSTRATION, 2, ActivityType.VIRTUAL_WORK_EXPERIENCE, 2});
                case 10 -> weighted(new Object[] {ActivityType.WORK_EXPERIENCE_PLACEMENT, 6,
                        ActivityType.WORKPLACE_VISIT, 1, ActivityType.VIRTUAL_WORK_EXPERIENCE, 1});
                case 11 -> weighted(new Object[] {ActivityType.WORKPLACE_VISIT, 2, ActivityType.WORK_SHADOWING, 2,
                        ActivityType.VIRTUAL_WORK_EXPERIENCE, 1});
                default -> weighted(new Object[] {ActivityType.WORK_EXPERIENCE_PLACEMENT, 3,
                        ActivityType.WORK_SHADOWING, 2, ActivityType.WORKPLACE_VISIT, 1});
            };
        }

        private ActivityType weighted(Object[] pairs) {
            List<ActivityType> types = new ArrayList<>();
            double[] weights = new double[pairs.length / 2];
            for (int i = 0; i < pairs.length; i += 2) {
                types.add((ActivityType) pairs[i]);
                weights[i / 2] = ((Number) pairs[i + 1]).doubleValue();
            }
            return dice.pick(types, weights);
        }

        /** A school day in the season the activity usually happens in, or any school day of the window. */
        private LocalDate date(ActivityType activity, int year, Window window) {
            int next = window.startYear() + 1;
            LocalDate from = null;
            LocalDate to = null;
            if (activity == ActivityType.WORK_EXPERIENCE_PLACEMENT && year <= 11) {
                from = LocalDate.of(next, 6, 15);
                to = LocalDate.of(next, 7, 17);
            } else if (activity == ActivityType.MOCK_INTERVIEWS) {
                from = LocalDate.of(window.startYear(), 11, 1);
                to = LocalDate.of(next, 2, 28);
            } else if (activity == ActivityType.CAREERS_FAIR) {
                from = LocalDate.of(window.startYear(), 10, 1);
                to = LocalDate.of(next, 3, 31);
            }
            if (from != null) {
                LocalDate first = from.isBefore(window.first()) ? window.first() : from;
                LocalDate last = to.isAfter(window.last()) ? window.last() : to;
                LocalDate day = SchoolCalendar.schoolDayBetween(dice, first, last);
                if (day != null) {
                    return day;
                }
            }
            return SchoolCalendar.schoolDayBetween(dice, window.first(), window.last());
        }

        private int groupSize(ActivityType activity, int pool) {
            int size = switch (activity) {
                case CAREERS_TALK -> dice.between(25, 60);
                case CAREERS_FAIR -> pool;
                case MENTORING -> dice.between(6, 15);
                case ENTERPRISE_CHALLENGE -> dice.between(30, 60);
                case MOCK_INTERVIEWS -> dice.between(20, 45);
                case CV_WORKSHOP -> dice.between(20, 35);
                case WORKPLACE_VISIT, TECHNICAL_DEMONSTRATION -> dice.between(15, 30);
                case WORK_SHADOWING -> dice.between(2, 6);
                case WORK_EXPERIENCE_PLACEMENT -> dice.between(2, 8);
                case VIRTUAL_WORK_EXPERIENCE -> dice.between(20, 50);
                case T_LEVEL_INDUSTRY_PLACEMENT -> dice.between(1, 4);
                case SUPPORTED_INTERNSHIP -> dice.between(2, 5);
            };
            if (school.type() == SchoolType.SPECIAL_SCHOOL) {
                size = Math.min(size, dice.between(4, 12));
            }
            // Small year groups (the test hub, special schools) go in smaller groups, not all at once.
            return Math.max(1, Math.min(size, (int) Math.ceil(pool * 0.6)));
        }

        private Quality quality(ActivityType activity, Window window) {
            double complete = activity == ActivityType.CAREERS_FAIR ? 0.5
                    : activity == ActivityType.CAREERS_TALK ? 0.8 : 0.87;
            if (FrameworkVersion.forAcademicYear(window.academicYear()) == FrameworkVersion.V2014) {
                complete -= 0.05; // older records were kept less carefully
            }
            boolean checklistMet = dice.chance(complete);
            Boolean override = null;
            if (!checklistMet && dice.chance(0.08)) {
                override = true;
            } else if (checklistMet && dice.chance(0.015)) {
                override = false;
            }
            return new Quality(checklistMet, override, dice.chance(0.008));
        }

        private EncounterPlan encounter(ActivityType activity, Benchmark benchmark, LocalDate date, String area,
                                        List<String> register, Quality quality, Correction correction) {
            List<Benchmark> benchmarks = benchmark == Benchmark.GB6 && activity == ActivityType.WORKPLACE_VISIT
                    && dice.chance(0.12) ? List.of(Benchmark.GB5, Benchmark.GB6) : List.of(benchmark);
            FrameworkVersion framework = FrameworkVersion.forAcademicYear(
                    AcademicYears.containing(date));
            Map<String, Boolean> answers = answers(benchmarks, benchmark, framework, quality.checklistMet());
            EmployerPlan employer = employer(activity, register.size(), area);
            DeliveryMode mode = mode(activity);
            String location = mode == DeliveryMode.VIRTUAL ? "Online"
                    : benchmark == Benchmark.GB6 ? employer.name() + ", " + employer.postcode() : school.name();
            MeaningOverride override = quality.override() == null ? null : new MeaningOverride(benchmark,
                    quality.override(), dice.pick(quality.override() ? OVERRIDE_MET : OVERRIDE_NOT_MET));
            return new EncounterPlan(ids.encounter(index, ++counter), school.schoolId(), employer.employerId(),
                    activity, benchmarks, date, hours(activity), mode, location, area, register, answers,
                    correction, override, quality.withdrawn() ? dice.pick(WITHDRAWN) : null);
        }

        /** Every item answered; where the checklist fails, one or two of the items that usually slip are not met. */
        private Map<String, Boolean> answers(List<Benchmark> benchmarks, Benchmark main, FrameworkVersion framework,
                                             boolean met) {
            Map<String, Boolean> answers = new TreeMap<>();
            Checklists.items(benchmarks, framework).forEach(item -> answers.put(item.name(), true));
            if (!met) {
                List<ChecklistItem> slips = new ArrayList<>(ChecklistItem.required(main, framework));
                slips.sort(Comparator.comparing(ChecklistItem::name));
                int failing = dice.chance(0.75) ? 1 : 2;
                for (ChecklistItem item : dice.sample(slips, failing)) {
                    if (dice.chance(0.15)) {
                        answers.remove(item.name()); // left blank on the form: not met either
                    } else {
                        answers.put(item.name(), false);
                    }
                }
            }
            return answers;
        }

        private DeliveryMode mode(ActivityType activity) {
            return switch (activity) {
                case VIRTUAL_WORK_EXPERIENCE -> DeliveryMode.VIRTUAL;
                case MENTORING -> dice.chance(0.4) ? DeliveryMode.VIRTUAL : DeliveryMode.IN_PERSON;
                case CAREERS_TALK -> dice.pick(List.of(DeliveryMode.IN_PERSON, DeliveryMode.VIRTUAL,
                        DeliveryMode.HYBRID), new double[] {80, 12, 8});
                case TECHNICAL_DEMONSTRATION -> dice.chance(0.1) ? DeliveryMode.VIRTUAL : DeliveryMode.IN_PERSON;
                default -> DeliveryMode.IN_PERSON;
            };
        }

        private BigDecimal hours(ActivityType activity) {
            return quarterHours(switch (activity) {
                case CAREERS_TALK -> dice.between(0.75, 1.5);
                case CAREERS_FAIR -> dice.between(1.5, 2.5);
                case MENTORING -> dice.between(3, 8);
                case ENTERPRISE_CHALLENGE -> dice.between(3, 5.5);
                case MOCK_INTERVIEWS -> dice.between(1, 3);
                case CV_WORKSHOP -> dice.between(1.5, 2);
                case WORKPLACE_VISIT -> dice.between(3, 6);
                case TECHNICAL_DEMONSTRATION -> dice.between(1.5, 3);
                case WORK_SHADOWING -> dice.between(6, 7.5);
                case WORK_EXPERIENCE_PLACEMENT -> dice.between(25, 35);
                case VIRTUAL_WORK_EXPERIENCE -> dice.between(3, 10);
                case T_LEVEL_INDUSTRY_PLACEMENT -> dice.between(30, 37.5);
                case SUPPORTED_INTERNSHIP -> dice.between(15, 30);
            });
        }

        private Correction correction(List<String> register, List<PupilPlan> pool) {
            Set<String> listed = new HashSet<>(register);
            List<String> missed = pool.stream().map(PupilPlan::upn).filter(upn -> !listed.contains(upn)).toList();
            if (!missed.isEmpty() && dice.chance(0.5)) {
                List<String> corrected = new ArrayList<>(register);
                corrected.addAll(dice.sample(missed, dice.between(1, 2)));
                return new Correction(corrected, dice.pick(CORRECTION_ADDED));
            }
            List<String> corrected = new ArrayList<>(register);
            int remove = dice.between(1, 2);
            for (int i = 0; i < remove; i++) {
                corrected.remove(dice.between(0, corrected.size() - 1));
            }
            return new Correction(corrected, dice.pick(CORRECTION_REMOVED));
        }

        private EmployerPlan employer(ActivityType activity, int groupSize, String area) {
            List<String> sectors = area == null ? List.of() : SECTORS_BY_AREA.getOrDefault(area, List.of());
            boolean needsRoom = groupSize > 8 && activity.defaultBenchmarks().contains(Benchmark.GB6)
                    || groupSize > 2 && activity.placement();
            List<EmployerPlan> suitable = employers.stream()
                    .filter(e -> sectors.isEmpty() || sectors.contains(e.sector()))
                    .filter(e -> !needsRoom || (e.size() != EmployerSize.SELF_EMPLOYED && e.size() != EmployerSize.MICRO))
                    .toList();
            if (suitable.isEmpty()) {
                suitable = employers;
            }
            return dice.pick(suitable, suitable.stream().mapToDouble(EmployerPlan::engagement).toArray());
        }
    }

    private static BigDecimal quarterHours(double hours) {
        return BigDecimal.valueOf(Math.round(hours * 4) / 4.0).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Which sectors a college looks to for a curriculum area's encounters. */
    static final Map<String, List<String>> SECTORS_BY_AREA = Map.of(
            "Engineering and Manufacturing", List.of("Engineering and manufacturing", "Energy and clean growth",
                    "Chemicals and process"),
            "Health and Social Care", List.of("Health and social care"),
            "Digital and IT", List.of("Digital and technology"),
            "Construction and the Built Environment", List.of("Construction"),
            "Business and Accounting", List.of("Finance and professional services", "Retail"),
            "Creative and Performing Arts", List.of("Creative and media"),
            "Science", List.of("Chemicals and process", "Health and social care", "Energy and clean growth"),
            "Sport and Public Services", List.of("Public services", "Hospitality and tourism"),
            "Hair and Beauty", List.of("Retail", "Hospitality and tourism"),
            "Hospitality and Catering", List.of("Hospitality and tourism"));

    record Window(int startYear, LocalDate first, LocalDate last) {
        String academicYear() {
            return AcademicYears.of(startYear);
        }
    }

    /** How the encounter went on paper: the checklist's result, a careers leader's override, a withdrawal. */
    record Quality(boolean checklistMet, Boolean override, boolean withdrawn) {
        boolean counts() {
            return !withdrawn && (override != null ? override : checklistMet);
        }
    }

    /** Makes sure a small hub still shows each kind of correction at least once. */
    static final class Corrections {

        private Corrections() {
        }

        static List<EncounterPlan> ensureEachKindShows(List<EncounterPlan> encounters, Dice dice) {
            List<EncounterPlan> all = new ArrayList<>(encounters);
            if (all.stream().noneMatch(e -> e.withdrawalReason() != null)) {
                replaceFirst(all, e -> e.attendeeUpns().size() >= 2 && !e.counts(e.benchmarks().getFirst())
                        && e.override() == null && e.correction() == null, e -> with(e, e.correction(), e.override(),
                        dice.pick(WITHDRAWN)));
            }
            if (all.stream().noneMatch(e -> e.correction() != null && e.withdrawalReason() == null)) {
                replaceFirst(all, e -> e.attendeeUpns().size() >= 4 && e.withdrawalReason() == null
                        && e.override() == null, e -> {
                    List<String> fewer = new ArrayList<>(e.attendeeUpns());
                    fewer.removeLast();
                    return with(e, new Correction(fewer, CORRECTION_REMOVED.getFirst()), null, null);
                });
            }
            if (all.stream().noneMatch(e -> e.override() != null && e.override().meaningful()
                    && e.withdrawalReason() == null)) {
                replaceFirst(all, e -> e.withdrawalReason() == null && e.override() == null
                        && !e.counts(e.benchmarks().getFirst()), e -> with(e, e.correction(),
                        new MeaningOverride(e.benchmarks().getFirst(), true, OVERRIDE_MET.getFirst()), null));
            }
            if (all.stream().noneMatch(e -> e.override() != null && !e.override().meaningful()
                    && e.withdrawalReason() == null)) {
                replaceFirst(all, e -> e.withdrawalReason() == null && e.override() == null
                        && e.counts(e.benchmarks().getFirst()), e -> with(e, e.correction(),
                        new MeaningOverride(e.benchmarks().getFirst(), false, OVERRIDE_NOT_MET.getFirst()), null));
            }
            return all;
        }

        private static void replaceFirst(List<EncounterPlan> all, Predicate<EncounterPlan> test,
                                         UnaryOperator<EncounterPlan> change) {
            for (int i = 0; i < all.size(); i++) {
                if (test.test(all.get(i))) {
                    all.set(i, change.apply(all.get(i)));
                    return;
                }
            }
        }

        private static EncounterPlan with(EncounterPlan e, Correction correction, MeaningOverride override,
                                          String withdrawal) {
            return new EncounterPlan(e.encounterId(), e.schoolId(), e.employerId(), e.activityType(), e.benchmarks(),
                    e.date(), e.hours(), e.mode(), e.location(), e.curriculumArea(), e.attendeeUpns(), e.checklist(),
                    correction, override, withdrawal);
        }
    }
}
