package uk.encounters.launcher.demo;

import java.util.Locale;

/**
 * How big a demo hub to make.
 *
 * @param schools            institutions in the hub; with two or more the last is a college, with three or more one
 *                           is a special school, the rest are mainstream 11-16 and 11-18 schools
 * @param minPupils          smallest mainstream roll
 * @param maxPupils          largest mainstream roll (most are nearer the smallest, as in England)
 * @param specialPupils      the special school's roll
 * @param collegePupils      the college's roll (Years 12 and 13)
 * @param employers          employers registered in the hub's area
 * @param shoutOutsPerSchool shout-outs each school has open or recently answered
 * @param ownActivities      activities employers offer of their own accord
 */
public record DemoSize(String name, int schools, int minPupils, int maxPupils, int specialPupils, int collegePupils,
                       int employers, int shoutOutsPerSchool, int ownActivities) {

    public DemoSize {
        if (schools < 1 || minPupils < 20 || maxPupils < minPupils || employers < 3 || shoutOutsPerSchool < 0
                || ownActivities < 0) {
            throw new IllegalArgumentException("not a usable demo size: " + name);
        }
    }

    /** A Careers Hub of 20 institutions, about 15,000 pupils and 120 employers. */
    public static DemoSize full() {
        return new DemoSize("full", 20, 600, 1500, 150, 750, 120, 6, 20);
    }

    /** Two institutions (an 11-18 school and a college), about 150 pupils and 10 employers: for tests. */
    public static DemoSize small() {
        return new DemoSize("small", 2, 95, 115, 0, 45, 10, 5, 3);
    }

    public static DemoSize named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "full", "" -> full();
            case "small" -> small();
            default -> throw new IllegalArgumentException("Demo size is full or small, not " + name);
        };
    }
}
