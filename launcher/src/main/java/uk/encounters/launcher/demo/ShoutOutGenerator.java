package uk.encounters.launcher.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.launcher.demo.ShoutOutPlan.Answer;
import uk.encounters.launcher.demo.ShoutOutPlan.OfferPlan;

/**
 * Schools' shout-outs and employers' own activities. The services refuse a shout-out whose end date has passed and
 * an offer for a past date, so these are the hub's current business: windows from today into the coming months,
 * with every outcome a coordinator meets (no offer at all, offers waiting for an answer, declined, accepted and
 * filled, withdrawn), plus one delivered today and recorded against its offer.
 */
final class ShoutOutGenerator {

    enum Fate { UNMET, PENDING, FILLED, DECLINED, WITHDRAWN, DELIVERED_TODAY }

    /** The first shout-outs of the hub take each fate once, so even a two-school hub shows them all. */
    private static final List<Fate> FIRST_FATES = List.of(Fate.UNMET, Fate.FILLED, Fate.PENDING,
            Fate.DELIVERED_TODAY, Fate.DECLINED, Fate.WITHDRAWN);
    private static final double[] FATE_WEIGHTS = {30, 15, 35, 3, 10, 7};

    record Template(String title, String description, ActivityType activity, List<Integer> years,
                    List<String> sectors, DeliveryMode mode, int minPlaces, int maxPlaces, SchoolType only) {
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("Mock interviews for Year 11", "Volunteers to give 20-minute interviews and feedback.",
                    ActivityType.MOCK_INTERVIEWS, List.of(11), List.of(), DeliveryMode.IN_PERSON, 30, 60, null),
            new Template("Careers talk for History", "Archivists, curators and anyone whose job uses history.",
                    ActivityType.CAREERS_TALK, List.of(9), List.of("Creative and media", "Public services"),
                    DeliveryMode.HYBRID, 25, 30, SchoolType.SCHOOL),
            new Template("Virtual tour of a hospital lab", "A live tour of a pathology or pharmacy lab.",
                    ActivityType.WORKPLACE_VISIT, List.of(10), List.of("Health and social care"),
                    DeliveryMode.VIRTUAL, 30, 60, SchoolType.SCHOOL),
            new Template("Work experience placements for Year 10", "Week-long placements in the summer term.",
                    ActivityType.WORK_EXPERIENCE_PLACEMENT, List.of(10), List.of(), DeliveryMode.IN_PERSON, 2, 6,
                    SchoolType.SCHOOL),
            new Template("Engineering workplace visit for Year 9", "Half a day on a shop floor, with a task set.",
                    ActivityType.WORKPLACE_VISIT, List.of(9), List.of("Engineering and manufacturing"),
                    DeliveryMode.IN_PERSON, 15, 25, null),
            new Template("Enterprise challenge judges for Year 8", "Judge pitches and give feedback to teams.",
                    ActivityType.ENTERPRISE_CHALLENGE, List.of(8), List.of(), DeliveryMode.IN_PERSON, 3, 6, null),
            new Template("Careers talk: clean energy jobs", "Wind, hydrogen and carbon capture careers.",
                    ActivityType.CAREERS_TALK, List.of(10, 11), List.of("Energy and clean growth"),
                    DeliveryMode.IN_PERSON, 40, 60, null),
            new Template("Coding club: meet a software developer", "An after-school session with our coding club.",
                    ActivityType.CAREERS_TALK, List.of(8), List.of("Digital and technology"),
                    DeliveryMode.IN_PERSON, 20, 25, null),
            new Template("Careers talk: farming and land-based jobs", "Farm managers, vets, rangers welcome.",
                    ActivityType.CAREERS_TALK, List.of(10), List.of("Agriculture and environment"),
                    DeliveryMode.IN_PERSON, 25, 30, null),
            new Template("CV workshop for Year 12", "Help sixth formers write CVs for part-time work.",
                    ActivityType.CV_WORKSHOP, List.of(12), List.of("Finance and professional services"),
                    DeliveryMode.IN_PERSON, 20, 30, null),
            new Template("Mentors for Year 13 apprenticeship applicants", "Six fortnightly mentoring sessions.",
                    ActivityType.MENTORING, List.of(13), List.of(), DeliveryMode.HYBRID, 8, 12, null),
            new Template("T Level industry placements: digital", "45-day placements for Digital T Level students.",
                    ActivityType.T_LEVEL_INDUSTRY_PLACEMENT, List.of(12), List.of("Digital and technology"),
                    DeliveryMode.IN_PERSON, 2, 4, SchoolType.COLLEGE),
            new Template("Industry placement hosts: health and social care", "Placements for T Level learners.",
                    ActivityType.T_LEVEL_INDUSTRY_PLACEMENT, List.of(12), List.of("Health and social care"),
                    DeliveryMode.IN_PERSON, 2, 4, SchoolType.COLLEGE),
            new Template("Mock interviews for apprenticeship applicants", "Practice interviews with feedback.",
                    ActivityType.MOCK_INTERVIEWS, List.of(13), List.of(), DeliveryMode.IN_PERSON, 20, 40, null),
            new Template("Supported internship hosts", "Employers to host an intern with a job coach.",
                    ActivityType.SUPPORTED_INTERNSHIP, List.of(12, 13), List.of(), DeliveryMode.IN_PERSON, 1, 3,
                    SchoolType.SPECIAL_SCHOOL),
            new Template("Workplace visit for a small group", "A calm, quiet visit for pupils with autism.",
                    ActivityType.WORKPLACE_VISIT, List.of(9, 10), List.of(), DeliveryMode.IN_PERSON, 6, 8,
                    SchoolType.SPECIAL_SCHOOL),
            new Template("Careers fair: exhibitors wanted", "A stand each; pupils visit in form groups.",
                    ActivityType.CAREERS_FAIR, List.of(9, 10), List.of(), DeliveryMode.IN_PERSON, 15, 25,
                    SchoolType.SCHOOL));

    private static final List<String> MESSAGES = List.of(
            "Happy to help; two of our apprentices would come along.",
            "We can do this on the date proposed and bring some kit to show.",
            "I run my own business and can talk about self-employment.",
            "Our early-careers team would love to support this.",
            "We did something similar for another school last year and it went well.");
    private static final List<String> DECLINE_REASONS = List.of(
            "Thank you: that date clashes with mock exams.",
            "Thank you, but we need someone who can come in person.",
            "We have arranged this with an employer we have worked with before; thank you for offering.");
    private static final List<String> WITHDRAWAL_REASONS = List.of(
            "The trip budget has been cut this term; we will post again in the spring.",
            "The Year 11 timetable has changed, so this no longer fits.");

    record OwnTemplate(String title, ActivityType activity, DeliveryMode mode) {
    }

    static final List<OwnTemplate> OWN_ACTIVITIES = List.of(
            new OwnTemplate("Open day at our main site", ActivityType.WORKPLACE_VISIT, DeliveryMode.IN_PERSON),
            new OwnTemplate("Virtual work experience week", ActivityType.VIRTUAL_WORK_EXPERIENCE, DeliveryMode.VIRTUAL),
            new OwnTemplate("Insight day on a construction site", ActivityType.WORKPLACE_VISIT, DeliveryMode.IN_PERSON),
            new OwnTemplate("Careers webinar: jobs in hydrogen", ActivityType.CAREERS_TALK, DeliveryMode.VIRTUAL),
            new OwnTemplate("Robotics demonstration in our workshop", ActivityType.TECHNICAL_DEMONSTRATION,
                    DeliveryMode.IN_PERSON),
            new OwnTemplate("Mock interview evening", ActivityType.MOCK_INTERVIEWS, DeliveryMode.IN_PERSON),
            new OwnTemplate("Enterprise challenge day", ActivityType.ENTERPRISE_CHALLENGE, DeliveryMode.IN_PERSON));

    private final long seed;
    private final DemoSize size;
    private final LocalDate today;
    private final DemoPlan.Ids ids;
    private final List<EmployerPlan> employers;

    ShoutOutGenerator(long seed, DemoSize size, LocalDate today, DemoPlan.Ids ids, List<EmployerPlan> employers) {
        this.seed = seed;
        this.size = size;
        this.today = today;
        this.ids = ids;
        this.employers = employers;
    }

    List<ShoutOutPlan> shoutOuts(List<SchoolPlan> schools) {
        List<ShoutOutPlan> all = new ArrayList<>();
        int posted = 0;
        for (int i = 0; i < schools.size(); i++) {
            SchoolPlan school = schools.get(i);
            Dice dice = Dice.forPart(seed, "shout-outs:" + (i + 1));
            String postcode = "TS" + dice.between(1, 29) + " " + dice.between(1, 9) + dice.pick(List.of("AB", "DE",
                    "HL", "NP", "QT", "RW", "UX", "YZ"));
            List<Template> templates = TEMPLATES.stream()
                    .filter(t -> t.only() == null || t.only() == school.type())
                    .filter(t -> school.yearGroups().containsAll(t.years()))
                    .toList();
            int count = size.shoutOutsPerSchool() <= 2 ? size.shoutOutsPerSchool()
                    : dice.between(size.shoutOutsPerSchool() - 2, size.shoutOutsPerSchool() + 2);
            boolean deliveredToday = false;
            for (int k = 1; k <= count && !templates.isEmpty(); k++) {
                Fate fate = posted < FIRST_FATES.size() ? FIRST_FATES.get(posted)
                        : dice.pick(List.of(Fate.values()), FATE_WEIGHTS);
                if (fate == Fate.DELIVERED_TODAY && deliveredToday) {
                    fate = Fate.FILLED;
                }
                deliveredToday |= fate == Fate.DELIVERED_TODAY;
                posted++;
                all.add(shoutOut(dice, school, ids.shoutOut(i + 1, k), dice.pick(templates), fate, postcode));
            }
        }
        return all;
    }

    private ShoutOutPlan shoutOut(Dice dice, SchoolPlan school, String id, Template t, Fate fate, String postcode) {
        LocalDate start = fate == Fate.DELIVERED_TODAY ? today
                : SchoolCalendar.firstSchoolDayFrom(today.plusDays(dice.between(7, 100)));
        LocalDate end = start.plusDays(dice.between(5, 30));
        int places = dice.between(t.minPlaces(), t.maxPlaces());
        String location = t.mode() == DeliveryMode.VIRTUAL ? "Online" : school.name() + ", " + postcode;
        int offers = switch (fate) {
            case UNMET -> 0;
            case PENDING -> dice.between(1, 2);
            case FILLED -> dice.between(1, 3);
            case DECLINED, DELIVERED_TODAY -> 1;
            case WITHDRAWN -> dice.between(0, 1);
        };
        List<OfferPlan> offerPlans = new ArrayList<>();
        List<EmployerPlan> offering = offeringEmployers(dice, t.sectors(), offers);
        for (int k = 0; k < offering.size(); k++) {
            Answer answer = switch (fate) {
                case UNMET, PENDING, WITHDRAWN -> Answer.NONE;
                case DECLINED -> Answer.DECLINE;
                case DELIVERED_TODAY -> Answer.ACCEPT;
                // One accepted; with several offers the school turns one down first, and filling ends the rest.
                case FILLED -> k == 0 ? Answer.ACCEPT : k == 1 ? Answer.DECLINE : Answer.NONE;
            };
            LocalDate proposed = fate == Fate.DELIVERED_TODAY ? today : dice.day(start, end);
            offerPlans.add(new OfferPlan(offering.get(k).employerId(), proposed, dice.pick(MESSAGES), answer,
                    answer == Answer.DECLINE ? dice.pick(DECLINE_REASONS) : null));
        }
        EncounterPlan delivered = null;
        if (fate == Fate.DELIVERED_TODAY && !offerPlans.isEmpty()) {
            delivered = deliveredToday(dice, school, offerPlans.getFirst().employerId(), t.activity(), t.years(),
                    places, t.mode(), location);
        }
        return new ShoutOutPlan(id, school.schoolId(), t.title(), t.description(), t.activity(), t.sectors(),
                t.years(), places, start, end, t.mode(), location, offerPlans,
                fate == Fate.WITHDRAWN ? dice.pick(WITHDRAWAL_REASONS) : null, delivered);
    }

    /** Employers of the sectors asked for where there are any (else any sector), the keenest most likely. */
    private List<EmployerPlan> offeringEmployers(Dice dice, List<String> sectors, int count) {
        List<EmployerPlan> pool = new ArrayList<>(employers.stream()
                .filter(e -> sectors.isEmpty() || sectors.contains(e.sector())).toList());
        if (pool.size() < count) {
            pool = new ArrayList<>(employers);
        }
        List<EmployerPlan> chosen = new ArrayList<>();
        while (chosen.size() < count && !pool.isEmpty()) {
            EmployerPlan pick = dice.pick(pool, pool.stream().mapToDouble(EmployerPlan::engagement).toArray());
            chosen.add(pick);
            pool.remove(pick);
        }
        return chosen;
    }

    List<OwnActivityPlan> ownActivities(List<SchoolPlan> schools) {
        Dice dice = Dice.forPart(seed, "own-activities");
        List<OwnActivityPlan> all = new ArrayList<>();
        for (int i = 1; i <= size.ownActivities(); i++) {
            OwnTemplate t = dice.pick(OWN_ACTIVITIES);
            EmployerPlan employer = dice.pick(employers, employers.stream()
                    .mapToDouble(EmployerPlan::engagement).toArray());
            String offerId = ids.ownActivity(i);
            boolean today = i == 1 && !schools.isEmpty();
            LocalDate date = today ? this.today : SchoolCalendar.firstSchoolDayFrom(this.today.plusDays(
                    dice.between(3, 120)));
            int places = dice.between(10, 60);
            EncounterPlan recorded = null;
            if (today) {
                SchoolPlan school = schools.getFirst();
                List<Integer> years = school.yearGroups().contains(9) ? List.of(9) : List.of(school.yearGroups()
                        .getFirst());
                recorded = deliveredToday(dice, school, employer.employerId(), t.activity(), years, places, t.mode(),
                        t.mode() == DeliveryMode.VIRTUAL ? "Online" : employer.name() + ", " + employer.postcode());
            }
            all.add(new OwnActivityPlan(offerId, employer.employerId(), t.activity(), t.title(), date, places,
                    t.mode(), recorded));
        }
        return all;
    }

    /** Today's encounter for an accepted offer: a complete checklist, the year groups' pupils on roll today. */
    private EncounterPlan deliveredToday(Dice dice, SchoolPlan school, String employerId, ActivityType activity,
                                         List<Integer> years, int places, DeliveryMode mode, String location) {
        List<String> pool = school.pupils().stream()
                .filter(p -> years.contains(p.yearGroup()) && p.onRoll(today))
                .map(PupilPlan::upn).toList();
        List<String> register = dice.sample(pool, Math.min(places, Math.max(1, Math.min(pool.size(), 30))));
        if (register.isEmpty()) {
            return null;
        }
        List<Benchmark> benchmarks = List.copyOf(activity.defaultBenchmarks());
        FrameworkVersion framework = FrameworkVersion.forAcademicYear(AcademicYears.containing(today));
        Map<String, Boolean> answers = new TreeMap<>();
        Checklists.items(benchmarks, framework).forEach(item -> answers.put(item.name(), true));
        BigDecimal hours = activity.placement() ? new BigDecimal("7.00") : new BigDecimal("2.00");
        return new EncounterPlan(null, school.schoolId(), employerId, activity, benchmarks, today, hours, mode,
                location, school.isCollege() ? RollGenerator.CURRICULUM_AREAS.getFirst() : null, register, answers,
                null, null, null);
    }
}
