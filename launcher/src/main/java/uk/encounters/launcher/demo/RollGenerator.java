package uk.encounters.launcher.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.encounters.contracts.school.SchoolType;

/**
 * The hub's institutions and their rolls. Sizes and proportions follow England's (DOMAIN.md, DfE statistics): most
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
            schools.add(new SchoolPlan(ids.school(i), urn, name, type, years,
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

    private List<PupilPlan> roll(Dice dice, SchoolType type, List<Integer> years, int total) {
        Map<Integer, Integer> counts = yearGroupSizes(dice, type, years, total);
        int localAuthority = dice.pick(LOCAL_AUTHORITIES);
        List<Integer> feeders = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            feeders.add(dice.between(2000, 2999));
        }
        double pupilPremium = switch (type) {
            case SCHOOL -> Math.max(0.1, Math.min(0.45, dice.gaussian(0.25, 0.07)));
            case SPECIAL_SCHOOL -> 0.42;
            case COLLEGE -> 0.2;
        };
        List<PupilPlan> pupils = new ArrayList<>();
        counts.forEach((year, count) -> {
            for (int k = 0; k < count; k++) {
                pupils.add(pupil(dice, type, year, localAuthority, feeders, pupilPremium));
            }
        });
        return pupils;
    }

    private static Map<Integer, Integer> yearGroupSizes(Dice dice, SchoolType type, List<Integer> years, int total) {
        Map<Integer, Double> weights = new LinkedHashMap<>();
        for (int year : years) {
            double weight = switch (type) {
                case COLLEGE -> year == 12 ? 0.53 : 0.47;
                case SPECIAL_SCHOOL -> year >= 12 ? 0.5 : 1.0;
                // Sixth forms are smaller than the main school; recent intakes a little larger than older ones.
                case SCHOOL -> year >= 12 ? 0.55 : 1.0 + (11 - year) * 0.012;
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

    private PupilPlan pupil(Dice dice, SchoolType type, int year, int localAuthority, List<Integer> feeders,
                            double pupilPremium) {
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
        LocalDate admission = admission(dice, type, year);
        LocalDate leaving = null;
        if (dice.chance(0.012)) {
            LocalDate first = later(admission.plusDays(20), LocalDate.of(currentStart, 9, 3));
            leaving = SchoolCalendar.schoolDayBetween(dice, first, today.minusDays(1));
        }
        String area = type == SchoolType.COLLEGE && !dice.chance(0.03)
                ? dice.pick(CURRICULUM_AREAS, AREA_WEIGHTS) : null;
        return new PupilPlan(upn(dice, localAuthority, feeders, currentStart - year), forename, surname, born, year,
                gender, sen, premium, admission, leaving, area);
    }

    /** Most join in September of Year 7 (Year 12 at a college); some stay on into a sixth form; a few join mid-year. */
    private LocalDate admission(Dice dice, SchoolType type, int year) {
        int entryYear;
        if (type == SchoolType.COLLEGE || (year >= 12 && type == SchoolType.SCHOOL && dice.chance(0.28))) {
            entryYear = currentStart - (year - 12);
        } else {
            entryYear = currentStart - (year - 7);
        }
        LocalDate entry = SchoolCalendar.firstSchoolDayFrom(LocalDate.of(entryYear, 9, 1));
        double midYear = type == SchoolType.SPECIAL_SCHOOL ? 0.15 : type == SchoolType.COLLEGE ? 0.02 : 0.04;
        if (dice.chance(midYear)) {
            LocalDate joined = SchoolCalendar.schoolDayBetween(dice, entry.plusDays(30), today.minusDays(14));
            if (joined != null) {
                return joined;
            }
        }
        return entry;
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
}
