package uk.encounters.encounter.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.platform.web.ProblemException.FieldError;

/** The checklists against DOMAIN.md's table, item by item, and their evaluation for both frameworks and benchmarks. */
class ChecklistTest {

    /** DOMAIN.md, "Meaningful-encounter checklists", copied row by row: 2024 GB5, 2024 GB6, 2014 GB5, 2014 GB6. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "PURPOSE_SHARED,        yes, yes, no,  no",
            "LEARNING_OUTCOMES,     yes, yes, yes, yes",
            "TWO_WAY_INTERACTION,   yes, no,  yes, no",
            "EXTENSIVE_INTERACTION, no,  yes, no,  yes",
            "RANGE_OF_PEOPLE,       no,  yes, no,  yes",
            "EMPLOYER_SET_TASK,     no,  yes, no,  yes",
            "EMPLOYER_FEEDBACK,     no,  yes, no,  yes",
            "REFLECTION,            yes, yes, no,  no",
            "ACTIVE_PARTICIPATION,  no,  no,  yes, no"})
    void everyItemBelongsToExactlyTheListsTheDomainTableGivesIt(ChecklistItem item, String gb5In2024,
                                                                 String gb6In2024, String gb5In2014, String gb6In2014) {
        assertThat(item.requiredFor(Benchmark.GB5, FrameworkVersion.V2024)).isEqualTo(gb5In2024.equals("yes"));
        assertThat(item.requiredFor(Benchmark.GB6, FrameworkVersion.V2024)).isEqualTo(gb6In2024.equals("yes"));
        assertThat(item.requiredFor(Benchmark.GB5, FrameworkVersion.V2014)).isEqualTo(gb5In2014.equals("yes"));
        assertThat(item.requiredFor(Benchmark.GB6, FrameworkVersion.V2014)).isEqualTo(gb6In2014.equals("yes"));
    }

    @Test
    void theTableAboveCoversEveryItemAndTheListsHaveTheDomainsSizes() {
        assertThat(ChecklistItem.values()).hasSize(9);
        assertThat(ChecklistItem.required(Benchmark.GB5, FrameworkVersion.V2024)).containsExactlyInAnyOrder(
                ChecklistItem.PURPOSE_SHARED, ChecklistItem.LEARNING_OUTCOMES, ChecklistItem.TWO_WAY_INTERACTION,
                ChecklistItem.REFLECTION);
        assertThat(ChecklistItem.required(Benchmark.GB6, FrameworkVersion.V2024)).hasSize(7)
                .doesNotContain(ChecklistItem.TWO_WAY_INTERACTION, ChecklistItem.ACTIVE_PARTICIPATION);
        assertThat(ChecklistItem.required(Benchmark.GB5, FrameworkVersion.V2014)).containsExactlyInAnyOrder(
                ChecklistItem.LEARNING_OUTCOMES, ChecklistItem.TWO_WAY_INTERACTION, ChecklistItem.ACTIVE_PARTICIPATION);
        assertThat(ChecklistItem.required(Benchmark.GB6, FrameworkVersion.V2014)).containsExactlyInAnyOrder(
                ChecklistItem.LEARNING_OUTCOMES, ChecklistItem.EXTENSIVE_INTERACTION, ChecklistItem.RANGE_OF_PEOPLE,
                ChecklistItem.EMPLOYER_SET_TASK, ChecklistItem.EMPLOYER_FEEDBACK);
    }

    static Stream<Arguments> lists() {
        return Stream.of(FrameworkVersion.values()).flatMap(framework -> Stream.of(Benchmark.values())
                .map(benchmark -> Arguments.of(framework, benchmark)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lists")
    void everyItemOfTheListMetIsMeaningful(FrameworkVersion framework, Benchmark benchmark) {
        Map<String, Boolean> answers = allOf(ChecklistItem.required(benchmark, framework), true);

        assertThat(Checklist.problems(answers, framework)).isEmpty();
        assertThat(Checklist.evaluate(answers, List.of(benchmark), framework)).containsExactly(Map.entry(benchmark, true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lists")
    void anyOneItemOfTheListUnmetOrLeftOutIsNotMeaningful(FrameworkVersion framework, Benchmark benchmark) {
        Set<ChecklistItem> required = ChecklistItem.required(benchmark, framework);
        for (ChecklistItem item : required) {
            Map<String, Boolean> unmet = allOf(required, true);
            unmet.put(item.name(), false);
            assertThat(Checklist.evaluate(unmet, List.of(benchmark), framework)).as("%s false", item)
                    .containsExactly(Map.entry(benchmark, false));
            Map<String, Boolean> leftOut = allOf(required, true);
            leftOut.remove(item.name());
            assertThat(Checklist.evaluate(leftOut, List.of(benchmark), framework)).as("%s left out", item)
                    .containsExactly(Map.entry(benchmark, false));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lists")
    void itemsOfTheOtherBenchmarkDoNotDecide(FrameworkVersion framework, Benchmark benchmark) {
        Set<ChecklistItem> required = ChecklistItem.required(benchmark, framework);
        Map<String, Boolean> answers = allOf(Checklist.itemsOf(framework), false);
        required.forEach(item -> answers.put(item.name(), true));

        assertThat(Checklist.problems(answers, framework)).isEmpty();
        assertThat(Checklist.evaluate(answers, List.of(benchmark), framework)).containsExactly(Map.entry(benchmark, true));
    }

    @Test
    void bothTaggedBenchmarksAreEvaluatedEachOnItsOwnList() {
        Map<String, Boolean> gb5Only = allOf(ChecklistItem.required(Benchmark.GB5, FrameworkVersion.V2024), true);

        assertThat(Checklist.evaluate(gb5Only, List.of(Benchmark.GB5, Benchmark.GB6), FrameworkVersion.V2024))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Benchmark.GB5, true, Benchmark.GB6, false));
    }

    @Test
    void anEmptyChecklistIsMeaningfulForNothing() {
        assertThat(Checklist.evaluate(Map.of(), List.of(Benchmark.GB5, Benchmark.GB6), FrameworkVersion.V2014))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Benchmark.GB5, false, Benchmark.GB6, false));
    }

    @Test
    void codesOfTheOtherFrameworkOnlyAreRejected() {
        assertThat(Checklist.problems(Map.of("ACTIVE_PARTICIPATION", true), FrameworkVersion.V2024))
                .containsExactly(new FieldError("checklist.ACTIVE_PARTICIPATION",
                        "ACTIVE_PARTICIPATION is not on the 2024 framework's checklists."));
        assertThat(Checklist.problems(Map.of("PURPOSE_SHARED", true, "REFLECTION", false), FrameworkVersion.V2014))
                .extracting(FieldError::field)
                .containsExactly("checklist.PURPOSE_SHARED", "checklist.REFLECTION");
    }

    @Test
    void unknownCodesAndMissingAnswersAreRejected() {
        Map<String, Boolean> answers = new HashMap<>();
        answers.put("FUN_HAD", true);
        answers.put("LEARNING_OUTCOMES", null);
        assertThat(Checklist.problems(answers, FrameworkVersion.V2024)).containsExactly(
                new FieldError("checklist.FUN_HAD", "FUN_HAD is not a checklist item."),
                new FieldError("checklist.LEARNING_OUTCOMES", "Answer LEARNING_OUTCOMES with true or false."));
    }

    @Test
    void everyItemIsOnOneFrameworkAtLeast() {
        assertThat(Arrays.stream(ChecklistItem.values()).filter(item -> !Checklist.itemsOf(FrameworkVersion.V2014)
                .contains(item) && !Checklist.itemsOf(FrameworkVersion.V2024).contains(item))).isEmpty();
    }

    static Map<String, Boolean> allOf(Set<ChecklistItem> items, boolean answer) {
        Map<String, Boolean> answers = new HashMap<>();
        items.forEach(item -> answers.put(item.name(), answer));
        return answers;
    }
}
