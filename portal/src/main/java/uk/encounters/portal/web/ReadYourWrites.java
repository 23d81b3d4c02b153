package uk.encounters.portal.web;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import uk.encounters.portal.api.ApiProblem;

/**
 * The services' read models follow their commands by milliseconds. After a change the portal waits, briefly and
 * boundedly, until the read it redirects to shows that change, so a person never sees the page from before what
 * they just did. If the wait runs out the page is shown anyway (it says the change may take a moment to appear).
 */
public final class ReadYourWrites {

    /** Far beyond the usual few milliseconds, short enough that a person does not wait long if a view is behind. */
    public static final Duration PATIENCE = Duration.ofSeconds(3);
    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 200;

    private ReadYourWrites() {
    }

    /** True once {@code shown} holds; false if it still does not after {@link #PATIENCE}. A 404 counts as not yet. */
    public static boolean await(BooleanSupplier shown) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                if (shown.getAsBoolean()) {
                    return true;
                }
            } catch (ApiProblem problem) {
                if (!problem.isNotFound()) {
                    throw problem;
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }
}
