package uk.encounters.encounter.encounter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.platform.web.ProblemException.FieldError;

/**
 * The meaningful-encounter checklists (DOMAIN.md): an encounter is meaningful for a benchmark when every item of
 * that benchmark's list under the framework in force is answered true. An item left out counts as not met, so a
 * partly filled checklist is never more generous than a complete one.
 */
final class Checklist {

    private Checklist() {
    }

    /** Items that belong to the framework's checklists at all, for either benchmark. */
    static Set<ChecklistItem> itemsOf(FrameworkVersion framework) {
        Set<ChecklistItem> items = EnumSet.noneOf(ChecklistItem.class);
        for (Benchmark benchmark : Benchmark.values()) {
            items.addAll(ChecklistItem.required(benchmark, framework));
        }
        return items;
    }

    /**
     * Codes that are not checklist items, or not items of this framework (ACTIVE_PARTICIPATION is a 2014 item only),
     * and answers that are neither true nor false. An item of the framework that the tagged benchmarks do not need
     * is accepted and kept: a school filling in the whole form has done nothing wrong.
     */
    static List<FieldError> problems(Map<String, Boolean> answers, FrameworkVersion framework) {
        List<FieldError> errors = new ArrayList<>();
        if (answers == null) {
            return errors;
        }
        Set<ChecklistItem> allowed = itemsOf(framework);
        for (var answer : new TreeMap<>(answers).entrySet()) {
            String code = answer.getKey();
            ChecklistItem item = item(code);
            if (item == null) {
                errors.add(new FieldError("checklist." + code, code + " is not a checklist item."));
            } else if (!allowed.contains(item)) {
                errors.add(new FieldError("checklist." + code, code + " is not on the " + label(framework)
                        + " framework's checklists."));
            } else if (answer.getValue() == null) {
                errors.add(new FieldError("checklist." + code, "Answer " + code + " with true or false."));
            }
        }
        return errors;
    }

    /** The result per tagged benchmark; call only with answers that have no {@link #problems}. */
    static Map<Benchmark, Boolean> evaluate(Map<String, Boolean> answers, Collection<Benchmark> benchmarks,
                                            FrameworkVersion framework) {
        Map<Benchmark, Boolean> result = new EnumMap<>(Benchmark.class);
        for (Benchmark benchmark : benchmarks) {
            result.put(benchmark, ChecklistItem.required(benchmark, framework).stream()
                    .allMatch(item -> Boolean.TRUE.equals(answers == null ? null : answers.get(item.name()))));
        }
        return result;
    }

    static String label(FrameworkVersion framework) {
        return framework == FrameworkVersion.V2024 ? "2024" : "2014";
    }

    private static ChecklistItem item(String code) {
        try {
            return code == null ? null : ChecklistItem.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
