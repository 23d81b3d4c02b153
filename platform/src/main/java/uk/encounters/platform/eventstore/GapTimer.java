package uk.encounters.platform.eventstore;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

/**
 * Remembers since when this JVM has been waiting for allocated positions. Each sighting also records the
 * allocation horizon at that moment: every position below it was already handed out then, so it has been in flight
 * at least as long. That lets a reader tombstone a large crashed allocation in one pass of windows instead of
 * waiting a full timeout per window.
 */
final class GapTimer {

    /** A safety valve: forgetting sightings only delays tombstoning by one timeout, it never skips anything. */
    private static final int MAX_SIGHTINGS = 10_000;

    private record Sighting(long seenAtNanos, long horizon) {
    }

    private final ConcurrentNavigableMap<Long, Sighting> sightings = new ConcurrentSkipListMap<>();
    private final long timeoutNanos;
    private final LongSupplier nanoTime;

    GapTimer(Duration timeout, LongSupplier nanoTime) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Records that {@code position} is allocated (below {@code horizon}) but not visible, and returns the last
     * position up to {@code runEnd} that has been waited for long enough, or {@code position - 1} if none has.
     */
    long expiredThrough(long position, long runEnd, long horizon) {
        long now = nanoTime.getAsLong();
        Sighting sighting = coveringSighting(position);
        if (sighting == null) {
            if (sightings.size() >= MAX_SIGHTINGS) {
                sightings.clear();
            }
            sightings.putIfAbsent(position, new Sighting(now, horizon));
            sighting = coveringSighting(position);
        }
        if (sighting == null || now - sighting.seenAtNanos() < timeoutNanos) {
            return position - 1;
        }
        return Math.min(runEnd, sighting.horizon() - 1);
    }

    /** Forgets sightings whose positions all lie below {@code position}: some reader has passed them. */
    void resolvedBelow(long position) {
        if (sightings.isEmpty()) {
            return;
        }
        for (Map.Entry<Long, Sighting> entry : sightings.headMap(position).entrySet()) {
            if (entry.getValue().horizon() <= position) {
                sightings.remove(entry.getKey(), entry.getValue());
            }
        }
    }

    private Sighting coveringSighting(long position) {
        Map.Entry<Long, Sighting> candidate = sightings.floorEntry(position);
        return candidate != null && position < candidate.getValue().horizon() ? candidate.getValue() : null;
    }
}
