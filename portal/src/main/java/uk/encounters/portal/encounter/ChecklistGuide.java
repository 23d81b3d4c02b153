package uk.encounters.portal.encounter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;

/**
 * The meaningful-encounter checklist explained item by item, for the framework in force in an encounter's academic
 * year (DOMAIN.md): which items there are, what each asks in plain English, and which benchmark needs it.
 */
public final class ChecklistGuide {

    private static final Map<ChecklistItem, String[]> WORDS = new EnumMap<>(Map.of(
            ChecklistItem.PURPOSE_SHARED, new String[] {
                    "A clear purpose, shared with the employer and the pupils",
                    "Before it happened, the employer knew what you wanted pupils to get out of it, and the pupils"
                            + " knew why they were taking part."},
            ChecklistItem.LEARNING_OUTCOMES, new String[] {
                    "Learning outcomes that suit the pupils' needs",
                    "You set out what pupils should learn from it, pitched at their age, stage and needs, including"
                            + " any special educational needs."},
            ChecklistItem.TWO_WAY_INTERACTION, new String[] {
                    "Two-way interaction between the pupils and the employer",
                    "Pupils could ask questions and talk with the employer's people; a talk they only listened to"
                            + " does not count."},
            ChecklistItem.EXTENSIVE_INTERACTION, new String[] {
                    "Extensive two-way interaction with employees",
                    "Pupils spent real time talking and working with employees, well beyond a short question-and-"
                            + "answer session."},
            ChecklistItem.RANGE_OF_PEOPLE, new String[] {
                    "A range of different people from the workplace",
                    "Pupils met several people doing different jobs there, not only the person hosting them."},
            ChecklistItem.EMPLOYER_SET_TASK, new String[] {
                    "A task set by the employer",
                    "Pupils did a task the employer set, or produced a piece of work relevant to the workplace."},
            ChecklistItem.EMPLOYER_FEEDBACK, new String[] {
                    "Feedback from the employer on that work",
                    "Someone from the employer told pupils how well they had done that task or piece of work."},
            ChecklistItem.REFLECTION, new String[] {
                    "Time to reflect afterwards",
                    "Afterwards pupils had time, in a lesson or tutor time, to think about what they had learnt and"
                            + " what it means for their plans."},
            ChecklistItem.ACTIVE_PARTICIPATION, new String[] {
                    "Evidence that each pupil took an active part",
                    "You can show each pupil on the register took part (asked questions, did the activity), for"
                            + " example from notes, photos or their work."}));

    private ChecklistGuide() {
    }

    /** The framework in force on that day: the one of its academic year. */
    public static FrameworkVersion frameworkOn(LocalDate date) {
        return FrameworkVersion.forAcademicYear(AcademicYears.containing(date));
    }

    public static String frameworkName(Object framework) {
        return "V2014".equals(String.valueOf(framework)) ? "Good Career Guidance (2014)"
                : "Good Career Guidance: The Next 10 Years (2024)";
    }

    /** The items of either benchmark's list under that framework, in the contracts' order, with the ticks kept. */
    public static List<Item> items(FrameworkVersion framework, Collection<String> ticked) {
        List<Item> items = new ArrayList<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            List<String> neededFor = Arrays.stream(Benchmark.values())
                    .filter(b -> item.requiredFor(b, framework)).map(Benchmark::name).toList();
            if (!neededFor.isEmpty()) {
                String[] words = WORDS.get(item);
                items.add(new Item(item.name(), words[0], words[1], neededFor,
                        ticked != null && ticked.contains(item.name())));
            }
        }
        return items;
    }

    /**
     * One checklist item.
     *
     * @param neededFor the benchmarks (GB5, GB6) whose list holds it under the framework shown
     */
    public record Item(String code, String title, String explanation, List<String> neededFor, boolean ticked) {

        public String neededForText() {
            return "Needed for " + String.join(" and ", neededFor);
        }
    }
}
