package uk.encounters.launcher.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.encounters.contracts.school.SchoolType;

/**
 * The hub's institutions and their rolls over the last {@link DemoPlan#ROLL_YEARS} academic years. Sizes and proportions follow England's (DOMAIN.md, DfE statistics): most
 * secondaries between 600 and 1,500 pupils and nearer the lower end, about 13% of pupils on SEN support and 2-4% with
 * an EHC plan, about a quarter eligible for the pupil premium; special schools of 100-200 pupils, nearly all with
 * EHC plans; colleges teaching Years 12 and 13 by curriculum area.
 */
final class RollGenerator {

    /** Tees Valley's local authority numbers, as a UPN's first digits. */
    static final List<Integer> LOCAL_AUTHORITIES = List.of(805, 806, 807, 808, 841);
    static final List<String> CURRICULUM_AREAS = List.of("Engineering and Manufacturing", "Health and Social Care",
            "Digital and IT", "Construction and the Built Environment", "Business and Accounting",
            "Creative and Performing Arts", "Science", "Sport and Public Services", "Hair and Beauty",
            "Hospitality and Catering");
    private static final double[] AREA_WEIGHTS = {14, 13, 12, 10, 11, 10, 12, 9, 5, 4};

    private final long seed;
    private final DemoSize size;
    private final LocalDate today;
    private final DemoPlan.Ids ids;
    private final int currentStart;
    private final Set<String> upns = new HashSet<>();
    private final Map<String, Integer> serials = new HashMap<>();

    RollGenerator(long seed, DemoSize size, LocalDate today, DemoPlan.Ids ids) {
        this.seed = seed;
        this.size = size;
        this.today = today;
        this.ids = ids;
        this.currentStart = SchoolCalendar.academicYearStart(today);
    }

    List<SchoolPlan> schools() {
        Dice dice = Dice.forPart(seed, "schools");
        List<String> places = dice.sample(Names.PLACES, Names.PLACES.size());
        Set<String> urns = new HashSet<>();
        Dice urnDice = Dice.forPart(seed, "urns:" + ids.prefix());
        List<SchoolPlan> schools = new ArrayList<>();
        int n = size.schools();
        for (int i = 1; i <= n; i++) {
            SchoolType type = n >= 2 && i == n ? SchoolType.COLLEGE
                    : n >= 3 && i == n - 1 ? SchoolType.SPECIAL_SCHOOL : SchoolType.SCHOOL;
            boolean sixthForm = type == SchoolType.SCHOOL && (i == 1 || dice.chance(0.35));
            String place = places.get((i - 1) % places.size());
            String urn;
            do {
                urn = Integer.toString(urnDice.between(100_000, 149_999));
            } while (!urns.add(urn));
            int pupils = switch (type) {
                case COLLEGE -> size.collegePupils() > 0 ? size.collegePupils() : size.minPupils() / 2;
                case SPECIAL_SCHOOL -> size.specialPupils() > 0 ? size.specialPupils() : 40;
                case SCHOOL -> (int) Math.round(size.minPupils()
                        + (size.maxPupils() - size.minPupils()) * Math.pow(dice.unit(), 3.5));
            };
            String name = name(dice, type, sixthForm, place);
            List<Integer> years = switch (type) {
                case COLLEGE -> List.of(12, 13);
                case SPECIAL_SCHOOL -> List.of(7, 8, 9, 10, 11, 12, 13);
                case SCHOOL -> sixthForm ? List.of(7, 8, 9, 10, 11, 12, 13) : List.of(7, 8, 9, 10, 11);
            };
            Dice schoolDice = Dice.forPart(seed, "roll:" + i);
            schools.add(new SchoolPlan(ids.school(i), urn, name, type, years, currentStart,
                    roll(schoolDice, type, years, pupils)));
        }
        return schools;
    }

    private static String name(Dice dice, SchoolType type, boolean sixthForm, String place) {
        return switch (type) {
            case COLLEGE -> place + " Sixth Form College";
            case SPECIAL_SCHOOL -> place + " Park School";
            case SCHOOL -> dice.chance(0.15) ? dice.pick(Names.SAINTS) + " Catholic Academy, " + place
                    : place + dice.pick(sixthForm ? List.of(" Academy", " School", " Community College")
                    : List.of(" Academy", " School", " Academy", " Community School"));
        };
    }

    /**
     * The school's pupils over the covered years, year by year as an MIS would see them: the first year's roll, then
     * each September the final year group and those not staying on leave on 31 August, everyone else moves up, a new
     * Year 7 arrives (and new Year 12s: most of a college, a few at a school sixth form), and during each year a few
     * pupils join and a few leave.
     */
    private List<PupilPlan> roll(Dice dice, SchoolType type, List<Integer> years, int total) {
        Map<Integer, Integer> counts = yearGroupSizes(dice, type, years, total);
        Cohorts cohorts = new Cohorts(dice, type, years);
        int first = currentStart - DemoPlan.ROLL_YEARS + 1;
        counts.forEach((year, count) -> {
            for (int k = 0; k < count; k++) {
                cohorts.add(year, first, cohorts.entryDay(year, first));
            }
        });
        for (int start = first; start <= currentStart; start++) {
            if (start > first) {
                cohorts.moveOn(start, counts);
            }
            cohorts.joinAndLeaveDuring(start);
        }
        return cohorts.pupils;
    }

    /** One school's pupils as the years go by. */
    private final class Cohorts {
        private final Dice dice;
        private final SchoolType type;
        private final List<Integer> years;
        private final int localAuthority;
        private final List<Integer> feeders = new ArrayList<>();
        private final double pupilPremium;
        private final List<PupilPlan> pupils = new ArrayList<>();

        Cohorts(Dice dice, SchoolType type, List<Integer> years) {
            this.dice = dice;
            this.type = type;
            this.years = years;
            this.localAuthority = dice.pick(LOCAL_AUTHORITIES);
            for (int f = 0; f < 10; f++) {
                feeders.add(dice.between(2000, 2999));
            }
            this.pupilPremium = switch (type) {
                case SCHOOL -> Math.max(0.1, Math.min(0.45, dice.gaussian(0.25, 0.07)));
                case SPECIAL_SCHOOL -> 0.42;
                case COLLEGE -> 0.2;
            };
        }

        void add(int yearGroup, int startYear, LocalDate admission) {
            pupils.add(pupil(dice, type, yearGroup + currentStart - startYear, admission, localAuthority, feeders,
                    pupilPremium));
        }

        /**
         * The first day of term of the September the pupil started here: Year 7 (a sixth form's newcomers and a
         * college's learners, Year 12), a few of them having joined mid-year since.
         */
        LocalDate entryDay(int yearGroup, int startYear) {
            boolean sixthFormEntry = type == SchoolType.COLLEGE
                    || (yearGroup >= 12 && type == SchoolType.SCHOOL && dice.chance(0.15));
            int entryYear = startYear - (yearGroup - (sixthFormEntry ? 12 : 7));
            LocalDate entry = SchoolCalendar.firstSchoolDayFrom(LocalDate.of(entryYear, 9, 1));
            if (dice.chance(midYearJoiners())) {
                LocalDate joined = SchoolCalendar.schoolDayBetween(dice, entry.plusDays(30),
                        earlier(LocalDate.of(startYear, 8, 31), today.minusDays(14)));
                if (joined != null) {
                    return joined;
                }
            }
            return entry;
        }

        /** How much of the academic year's joining season has passed by today (all of it for past years). */
        private double elapsed(int startYear) {
            LocalDate first = LocalDate.of(startYear, 10, 1);
            LocalDate last = LocalDate.of(startYear + 1, 6, 30);
            long days = ChronoUnit.DAYS.between(first, earlier(last, today));
            return Math.max(0, Math.min(1, (double) days / ChronoUnit.DAYS.between(first, last)));
        }

        /** Share of a first roll's pupils who joined mid-year in an earlier year. */
        private double midYearJoiners() {
            return type == SchoolType.SPECIAL_SCHOOL ? 0.15 : type == SchoolType.COLLEGE ? 0.02 : 0.04;
        }

        /** 31 August: leavers leave; 1 September: the new intake arrives. */
        void moveOn(int startYear, Map<Integer, Integer> sizes) {
            LocalDate lastDay = LocalDate.of(startYear, 8, 31);
            int finalYear = years.getLast();
            for (int i = 0; i < pupils.size(); i++) {
                PupilPlan p = pupils.get(i);
                if (p.leavingDate() != null) {
                    continue;
                }
                int year = p.yearGroupIn(startYear - 1, currentStart);
                boolean leaves = year == finalYear
                        || year == 11 && !dice.chance(type == SchoolType.SPECIAL_SCHOOL ? 0.85 : 0.62)
                        // Colleges' one-year programmes; a few drop out of school sixth forms after Year 12.
                        || year == 12 && dice.chance(type == SchoolType.COLLEGE ? 0.2 : 0.05);
                if (leaves) {
                    pupils.set(i, p.leaving(lastDay));
                }
            }
            LocalDate september = SchoolCalendar.firstSchoolDayFrom(LocalDate.of(startYear, 9, 1));
            int intake = (int) Math.round(sizes.getOrDefault(years.getFirst(), 0) * dice.between(0.96, 1.05));
            for (int k = 0; k < intake; k++) {
                add(years.getFirst(), startYear, september);
            }
            if (type == SchoolType.SCHOOL && years.contains(12)) {
                int newcomers = (int) Math.round(sizes.get(11) * dice.between(0.04, 0.08));
                for (int k = 0; k < newcomers; k++) {
                    add(12, startYear, september);
                }
            }
        }

        /**
         * A few pupils join during the year (by the end of June, and in the exam years 11 and 13 by the end of
         * January, as schools rarely admit later) and a few leave (moving house, changing school).
         */
        void joinAndLeaveDuring(int startYear) {
            LocalDate firstDay = SchoolCalendar.firstSchoolDayFrom(LocalDate.of(startYear, 9, 1));
            LocalDate lastLeaving = earlier(LocalDate.of(startYear + 1, 7, 22), today.minusDays(1));
            for (int i = 0; i < pupils.size(); i++) {
                PupilPlan p = pupils.get(i);
                if (p.leavingDate() == null && p.onRollIn(startYear) && dice.chance(0.012)) {
                    LocalDate left = SchoolCalendar.schoolDayBetween(dice,
                            later(p.admissionDate().plusDays(20), firstDay.plusDays(2)), lastLeaving);
                    if (left != null) {
                        pupils.set(i, p.leaving(left));
                    }
                }
            }
            int onRoll = (int) pupils.stream().filter(p -> p.onRollIn(startYear)).count();
            double rate = type == SchoolType.SPECIAL_SCHOOL ? 0.06 : type == SchoolType.COLLEGE ? 0.01 : 0.015;
            int joiners = (int) Math.round(onRoll * rate * dice.between(0.7, 1.3) * elapsed(startYear));
            for (int k = 0; k < joiners; k++) {
                int year = dice.pick(years);
                LocalDate lastJoining = earlier(year == 11 || year == 13 ? LocalDate.of(startYear + 1, 1, 31)
                        : LocalDate.of(startYear + 1, 6, 30), today.minusDays(14));
                LocalDate joined = SchoolCalendar.schoolDayBetween(dice, firstDay.plusDays(30), lastJoining);
                if (joined != null) {
                    add(year, startYear, joined);
                }
            }
        }
    }

    private static Map<Integer, Integer> yearGroupSizes(Dice dice, SchoolType type, List<Integer> years, int total) {
        Map<Integer, Double> weights = new LinkedHashMap<>();
        for (int year : years) {
            double weight = switch (type) {
                case COLLEGE -> year == 12 ? 0.55 : 0.45;
                case SPECIAL_SCHOOL -> year >= 12 ? 0.85 : 1.0;
                // Sixth forms are smaller than the main school; recent intakes a little larger than older ones.
                case SCHOOL -> year >= 12 ? 0.62 : 1.0 + (11 - year) * 0.012;
            };
            weights.put(year, weight * dice.between(0.95, 1.05));
        }
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        weights.forEach((year, weight) -> counts.put(year, (int) Math.round(total * weight / sum)));
        // Rounding may miss the total by a pupil or two; the oldest year group absorbs it.
        int last = years.getLast();
        counts.put(last, counts.get(last) + total - counts.values().stream().mapToInt(Integer::intValue).sum());
        return counts;
    }

    private PupilPlan pupil(Dice dice, SchoolType type, int year, LocalDate admission, int localAuthority,
                            List<Integer> feeders, double pupilPremium) {
        String gender = dice.pick(List.of("F", "M", "O", "U"), new double[] {49, 49, 0.6, 1.4});
        String forename = switch (gender) {
            case "F" -> dice.chance(0.04) ? dice.pick(Names.EITHER) : dice.pick(Names.GIRLS);
            case "M" -> dice.chance(0.04) ? dice.pick(Names.EITHER) : dice.pick(Names.BOYS);
            default -> dice.pick(dice.chance(0.5) ? Names.EITHER : dice.chance(0.5) ? Names.GIRLS : Names.BOYS);
        };
        String surname = dice.chance(0.03) ? dice.pick(Names.SURNAMES) + "-" + dice.pick(Names.SURNAMES)
                : dice.pick(Names.SURNAMES);
        // Year 7 in the year starting September S was born between September S-12 and August S-11.
        int cohortStart = currentStart - year - 5;
        LocalDate born = dice.day(LocalDate.of(cohortStart, 9, 1), LocalDate.of(cohortStart + 1, 8, 31));
        String sen = switch (type) {
            case SPECIAL_SCHOOL -> dice.chance(0.85) ? "E" : "K";
            case COLLEGE -> dice.pick(List.of("N", "K", "E"), new double[] {86.5, 11, 2.5});
            case SCHOOL -> dice.pick(List.of("N", "K", "E"), new double[] {84, 13, 3});
        };
        boolean premium = dice.chance(pupilPremium);
        String area = type == SchoolType.COLLEGE && !dice.chance(0.03)
                ? dice.pick(CURRICULUM_AREAS, AREA_WEIGHTS) : null;
        return new PupilPlan(upn(dice, localAuthority, feeders, currentStart - year), forename, surname, born, year,
                gender, sen, premium, admission, null, area);
    }

    /** A UPN issued by a feeder primary in the pupil's reception year, unique in the hub. */
    private String upn(Dice dice, int localAuthority, List<Integer> feeders, int receptionYear) {
        while (true) {
            int la = dice.chance(0.9) ? localAuthority : dice.pick(LOCAL_AUTHORITIES);
            int establishment = dice.pick(feeders);
            String key = la + ":" + establishment + ":" + receptionYear;
            int serial = serials.merge(key, dice.between(1, 3), Integer::sum);
            if (serial > 999) {
                continue;
            }
            String upn = Upns.of(la, establishment, receptionYear, serial);
            if (upns.add(upn)) {
                return upn;
            }
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
