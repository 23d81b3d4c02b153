package uk.encounters.contracts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Items of the meaningful-encounter checklists. An encounter is meaningful for a benchmark when every item that
 * benchmark requires under the framework in force is met. Events carry answers keyed by {@link #name()} so that a
 * reader built before an item was added still reads them.
 */
public enum ChecklistItem {
    PURPOSE_SHARED(EnumSet.of(Benchmark.GB5, Benchmark.GB6), EnumSet.noneOf(Benchmark.class)),
    LEARNING_OUTCOMES(EnumSet.of(Benchmark.GB5, Benchmark.GB6), EnumSet.of(Benchmark.GB5, Benchmark.GB6)),
    TWO_WAY_INTERACTION(EnumSet.of(Benchmark.GB5), EnumSet.of(Benchmark.GB5)),
    EXTENSIVE_INTERACTION(EnumSet.of(Benchmark.GB6), EnumSet.of(Benchmark.GB6)),
    RANGE_OF_PEOPLE(EnumSet.of(Benchmark.GB6), EnumSet.of(Benchmark.GB6)),
    EMPLOYER_SET_TASK(EnumSet.of(Benchmark.GB6), EnumSet.of(Benchmark.GB6)),
    EMPLOYER_FEEDBACK(EnumSet.of(Benchmark.GB6), EnumSet.of(Benchmark.GB6)),
    REFLECTION(EnumSet.of(Benchmark.GB5, Benchmark.GB6), EnumSet.noneOf(Benchmark.class)),
    ACTIVE_PARTICIPATION(EnumSet.noneOf(Benchmark.class), EnumSet.of(Benchmark.GB5));

    private final Set<Benchmark> in2024;
    private final Set<Benchmark> in2014;

    ChecklistItem(Set<Benchmark> in2024, Set<Benchmark> in2014) {
        this.in2024 = in2024;
        this.in2014 = in2014;
    }

    public boolean requiredFor(Benchmark benchmark, FrameworkVersion framework) {
        return (framework == FrameworkVersion.V2024 ? in2024 : in2014).contains(benchmark);
    }

    /** The items a benchmark's checklist holds under a framework. */
    public static Set<ChecklistItem> required(Benchmark benchmark, FrameworkVersion framework) {
        return Arrays.stream(values())
                .filter(item -> item.requiredFor(benchmark, framework))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChecklistItem.class)));
    }
}
