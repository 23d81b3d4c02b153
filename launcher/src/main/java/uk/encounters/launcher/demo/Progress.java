package uk.encounters.launcher.demo;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts one phase's requests and says how far it has got every few seconds, so a long load never looks stuck. */
final class Progress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String label;
    private final int total;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private long lastPrinted = System.nanoTime();

    Progress(String label, int total, PrintStream out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    void step() {
        int now = done.incrementAndGet();
        synchronized (this) {
            long time = System.nanoTime();
            if (time - lastPrinted >= EVERY_NANOS && now < total) {
                lastPrinted = time;
                out.printf("  %-16s %,6d/%,d  (%d s)%n", label, now, total, (time - started) / 1_000_000_000L);
            }
        }
    }

    void finish() {
        out.printf("  %-16s %,6d/%,d  done in %.1f s%n", label, done.get(), total,
                (System.nanoTime() - started) / 1e9);
    }
}
