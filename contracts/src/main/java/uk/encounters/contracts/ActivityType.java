package uk.encounters.contracts;

import java.util.Set;

/**
 * Employer activities with the benchmark each counts towards by default; a school may tag an encounter with both,
 * so the tags recorded on the encounter, not these defaults, decide.
 */
public enum ActivityType {
    CAREERS_TALK(Benchmark.GB5, false),
    CAREERS_FAIR(Benchmark.GB5, false),
    MENTORING(Benchmark.GB5, false),
    ENTERPRISE_CHALLENGE(Benchmark.GB5, false),
    MOCK_INTERVIEWS(Benchmark.GB5, false),
    CV_WORKSHOP(Benchmark.GB5, false),
    WORKPLACE_VISIT(Benchmark.GB6, false),
    TECHNICAL_DEMONSTRATION(Benchmark.GB6, false),
    WORK_SHADOWING(Benchmark.GB6, false),
    WORK_EXPERIENCE_PLACEMENT(Benchmark.GB6, true),
    VIRTUAL_WORK_EXPERIENCE(Benchmark.GB6, false),
    T_LEVEL_INDUSTRY_PLACEMENT(Benchmark.GB6, true),
    SUPPORTED_INTERNSHIP(Benchmark.GB6, true);

    private final Benchmark defaultBenchmark;
    private final boolean placement;

    ActivityType(Benchmark defaultBenchmark, boolean placement) {
        this.defaultBenchmark = defaultBenchmark;
        this.placement = placement;
    }

    public Set<Benchmark> defaultBenchmarks() {
        return Set.of(defaultBenchmark);
    }

    /** A placement: the only hours that count towards the Years 10-11 work-experience guarantee. */
    public boolean placement() {
        return placement;
    }
}
