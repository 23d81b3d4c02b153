package uk.encounters.launcher.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;

/** DOMAIN.md's checklists as the contracts define them, for planning answers and checking the plan. */
final class Checklists {

    private Checklists() {
    }

    /** The items the tagged benchmarks ask for under a framework. */
    static Set<ChecklistItem> items(List<Benchmark> benchmarks, FrameworkVersion framework) {
        Set<ChecklistItem> items = EnumSet.noneOf(ChecklistItem.class);
        benchmarks.forEach(benchmark -> items.addAll(ChecklistItem.required(benchmark, framework)));
        return items;
    }

    /** Every item of the benchmark's list answered true; an item left out is not met. */
    static boolean meaningful(Map<String, Boolean> answers, Benchmark benchmark, FrameworkVersion framework) {
        return ChecklistItem.required(benchmark, framework).stream()
                .allMatch(item -> Boolean.TRUE.equals(answers.get(item.name())));
    }
}
