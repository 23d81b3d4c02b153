package uk.encounters.launcher.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * What a load did and how long it took.
 *
 * @param alreadyThere requests answered "exists already" (a resumed load skips what an interrupted one made)
 */
public record DemoHubReport(String hubId, int schools, int pupils, int employers, int encounters, int attendances,
                           Map<String, Integer> encountersByAcademicYear, int corrections, int overrides,
                           int withdrawals, int shoutOuts, int offers, int shoutOutsWithoutOffers, int ownActivities,
                           int alreadyThere, Duration elapsed, Map<String, Duration> phases) {

    public void print(PrintStream out) {
        out.printf("Demo hub %s loaded in %.1f s: %d schools, %,d pupils, %d employers, %,d encounters"
                        + " (%,d attendances; by academic year %s), %d corrected registers, %d overrides,"
                        + " %d withdrawn; %d shout-outs (%d without offers), %d offers, %d employers' own activities%s%n",
                hubId, elapsed.toMillis() / 1000.0, schools, pupils, employers, encounters, attendances,
                encountersByAcademicYear, corrections, overrides, withdrawals, shoutOuts, shoutOutsWithoutOffers,
                offers, ownActivities, alreadyThere > 0 ? "; " + alreadyThere + " were there already" : "");
        StringBuilder phaseLine = new StringBuilder("  phases:");
        phases.forEach((name, time) -> phaseLine.append(" %s %.1f s;".formatted(name, time.toMillis() / 1000.0)));
        out.println(phaseLine.substring(0, phaseLine.length() - 1));
    }
}
