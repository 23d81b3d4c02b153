package uk.encounters.launcher.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * The demo's only source of chance. {@link Random}'s sequence for a seed is fixed by its specification, so a seed
 * gives the same hub on any JVM; each part of the plan takes its own stream so that changing one part (more
 * employers, say) does not reshuffle the others.
 */
final class Dice {

    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    /** An independent stream for one part of the plan, named so that parts never share a stream by accident. */
    static Dice forPart(long seed, String part) {
        return new Dice(seed * 1_000_003L + part.hashCode());
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Inclusive at both ends. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    double unit() {
        return random.nextDouble();
    }

    double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    double gaussian(double mean, double deviation) {
        return mean + deviation * random.nextGaussian();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Picks by weight; weights need not add up to anything in particular. */
    <T> T pick(List<T> values, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            point -= weights[i];
            if (point < 0) {
                return values.get(i);
            }
        }
        return values.getLast();
    }

    /** {@code count} distinct values in a random order (all of them when there are fewer). */
    <T> List<T> sample(Collection<T> values, int count) {
        List<T> copy = new ArrayList<>(values);
        int wanted = Math.min(count, copy.size());
        for (int i = 0; i < wanted; i++) {
            int j = i + random.nextInt(copy.size() - i);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return new ArrayList<>(copy.subList(0, wanted));
    }

    /** A day from {@code first} to {@code last} inclusive. */
    LocalDate day(LocalDate first, LocalDate last) {
        long span = ChronoUnit.DAYS.between(first, last);
        return first.plusDays(span <= 0 ? 0 : (long) random.nextInt((int) span + 1));
    }
}
