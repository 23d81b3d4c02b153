package uk.encounters.launcher.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Everything the demo hub will hold, worked out before any request is sent: a pure function of seed, size and today,
 * so the same seed on the same day gives the same hub, and tests can check it without the services.
 */
public record DemoPlan(long seed, DemoSize size, LocalDate today, String hubId, String hubName,
                       List<SchoolPlan> schools, List<EmployerPlan> employers, List<EncounterPlan> encounters,
                       List<ShoutOutPlan> shoutOuts, List<OwnActivityPlan> ownActivities) {

    public static final String HUB_NAME = "Demo Careers Hub";
    /** Academic years of rolls: the current one and the two before, the years the encounters span. */
    public static final int ROLL_YEARS = 3;

    public DemoPlan {
        schools = List.copyOf(schools);
        employers = List.copyOf(employers);
        encounters = List.copyOf(encounters);
        shoutOuts = List.copyOf(shoutOuts);
        ownActivities = List.copyOf(ownActivities);
    }

    /**
     * @param idPrefix starts every id the demo chooses ({@code demo} gives {@code demo-hub}, {@code demo-school-01},
     *                 ...), so that two demo hubs can share a platform
     */
    public static DemoPlan generate(long seed, DemoSize size, LocalDate today, String idPrefix) {
        Ids ids = new Ids(idPrefix);
        List<SchoolPlan> schools = new RollGenerator(seed, size, today, ids).schools();
        List<EmployerPlan> employers = new EmployerGenerator(seed, size, ids).employers();
        List<EncounterPlan> encounters = new EncounterGenerator(seed, today, ids, employers).encounters(schools);
        ShoutOutGenerator shoutOuts = new ShoutOutGenerator(seed, size, today, ids, employers);
        return new DemoPlan(seed, size, today, ids.hub(), HUB_NAME, schools, employers, encounters,
                shoutOuts.shoutOuts(schools), shoutOuts.ownActivities(schools));
    }

    /** Pupils on this academic year's rolls (leavers of earlier years not counted). */
    public int pupilCount() {
        return schools.stream().mapToInt(s -> s.currentRoll().size()).sum();
    }

    /** The first calendar years of the academic years whose rolls the demo uploads, oldest first. */
    public List<Integer> rollYears() {
        int current = SchoolCalendar.academicYearStart(today);
        return IntStream.rangeClosed(current - ROLL_YEARS + 1, current).boxed().toList();
    }

    /** The ids the demo chooses itself; the services accept a request's own id (API.md). */
    record Ids(String prefix) {
        String hub() {
            return prefix + "-hub";
        }

        String school(int index) {
            return "%s-school-%02d".formatted(prefix, index);
        }

        String employer(int index) {
            return "%s-employer-%03d".formatted(prefix, index);
        }

        /** In the school's own namespace, {@code <schoolId>:<key>}, as encounter-service asks of a chosen id. */
        String encounter(int school, int index) {
            return "%s:encounter-%04d".formatted(school(school), index);
        }

        String shoutOut(int school, int index) {
            return "%s-shout-out-%02d-%02d".formatted(prefix, school, index);
        }

        String ownActivity(int index) {
            return "%s-activity-%02d".formatted(prefix, index);
        }
    }
}
