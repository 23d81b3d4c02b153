package uk.encounters.portal.school;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.school.Reports.EncounterChecklist;
import uk.encounters.portal.school.Reports.EncounterEvidence;
import uk.encounters.portal.school.Reports.EvidenceEvent;
import uk.encounters.portal.school.Reports.PupilEvidence;
import uk.encounters.portal.school.SchoolRecords.RollPupil;

/** The encounters and pupils behind a figure, as the evidence and pupil pages list them. */
final class EvidenceView {

    /**
     * Checklists are read one encounter at a time; past this many a page links to the encounters instead (their own
     * pages show the checklist), so a large year group's evidence stays one quick page.
     */
    static final int CHECKLISTS_INLINE = 20;

    /** An encounter behind the figure: how many of the figure's pupils it counted for, and the events behind it. */
    record EncounterRow(EncounterEvidence encounter, int pupils, List<EvidenceEvent> events, Verdict verdict,
                        String href) {
    }

    /** A pupil behind the figure, named from the roll (null where the roll no longer has them). */
    record PupilRow(String pupilId, String name, String surname, int yearGroup, List<EncounterEvidence> encounters,
                    String href) {
    }

    /**
     * What the checklist decided for one benchmark: meaningful or not, an override and its reason, the items not met
     * under the framework of the encounter's year.
     */
    record Verdict(boolean meaningful, boolean checklistMet, Boolean override, String overrideReason,
                   List<String> unmetItems, boolean withdrawn) {

        static Verdict of(EncounterChecklist checklist, Benchmark benchmark) {
            if (checklist == null || checklist.results() == null
                    || !checklist.results().containsKey(benchmark.name())) {
                return null;
            }
            EncounterChecklist.Result result = checklist.results().get(benchmark.name());
            List<String> unmet = new ArrayList<>();
            if (checklist.framework() != null) {
                for (ChecklistItem item : ChecklistItem.required(benchmark,
                        FrameworkVersion.valueOf(checklist.framework()))) {
                    if (!Boolean.TRUE.equals(checklist.checklist().get(item.name()))) {
                        unmet.add(item.name());
                    }
                }
            }
            return new Verdict(result.meaningful(), result.checklistMet(), result.override(),
                    result.overrideReason(), unmet, checklist.withdrawn());
        }
    }

    private EvidenceView() {
    }

    /** Each encounter once, newest first, with the number of the given pupils it counted for. */
    static List<EncounterRow> encounters(List<PupilEvidence> pupils, Map<String, EncounterChecklist> checklists,
                                         Benchmark benchmark) {
        return rows(pupils.stream().flatMap(p -> p.encounters().stream()).toList(), checklists, benchmark);
    }

    /** Each encounter once, newest first, counting how often it is listed (once per pupil it counted for). */
    static List<EncounterRow> rows(List<EncounterEvidence> encounters, Map<String, EncounterChecklist> checklists,
                                   Benchmark benchmark) {
        Map<String, EncounterEvidence> byId = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Map<String, EvidenceEvent>> events = new LinkedHashMap<>();
        for (EncounterEvidence e : encounters) {
            byId.putIfAbsent(e.encounterId(), e);
            counts.merge(e.encounterId(), 1, Integer::sum);
            Map<String, EvidenceEvent> byEventId = events.computeIfAbsent(e.encounterId(), k -> new LinkedHashMap<>());
            if (e.events() != null) {
                e.events().forEach(event -> byEventId.putIfAbsent(event.eventId(), event));
            }
        }
        return byId.values().stream()
                .sorted(Comparator.comparing(EncounterEvidence::date).reversed()
                        .thenComparing(EncounterEvidence::encounterId))
                .map(e -> new EncounterRow(e, counts.get(e.encounterId()),
                        List.copyOf(events.get(e.encounterId()).values()),
                        Verdict.of(checklists.get(e.encounterId()), benchmark), Links.encounter(e.encounterId())))
                .toList();
    }

    /** The pupils by year group, surname and forename; those the roll no longer names last in their year group. */
    static List<PupilRow> pupils(List<PupilEvidence> pupils, Map<String, RollPupil> roll, Links links) {
        return pupils.stream()
                .map(p -> row(p.pupilId(), p.yearGroup(), p.encounters(), roll.get(p.pupilId()), links))
                .sorted(byYearThenName())
                .toList();
    }

    /** @param named the pupil on the roll, or null where the roll no longer has them */
    static PupilRow row(String pupilId, int yearGroup, List<EncounterEvidence> encounters, RollPupil named,
                        Links links) {
        return new PupilRow(pupilId, named == null ? null : named.name(),
                named == null ? null : named.surname() + " " + named.forename(), yearGroup, encounters,
                links.pupil(pupilId));
    }

    static Comparator<PupilRow> byYearThenName() {
        return Comparator.comparingInt(PupilRow::yearGroup)
                .thenComparing(PupilRow::surname, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(PupilRow::pupilId);
    }

    /**
     * The checklists of the encounters, read one by one where there are few enough; an encounter reporting has not
     * projected yet (404) is left out and its row says so.
     */
    static Map<String, EncounterChecklist> checklists(SchoolApi api, Collection<String> encounterIds) {
        Map<String, EncounterChecklist> checklists = new LinkedHashMap<>();
        Set<String> distinct = new LinkedHashSet<>(encounterIds);
        if (distinct.size() > CHECKLISTS_INLINE) {
            return checklists;
        }
        for (String id : distinct) {
            try {
                checklists.put(id, api.checklist(id));
            } catch (ApiProblem problem) {
                if (!problem.isNotFound()) {
                    throw problem;
                }
            }
        }
        return checklists;
    }
}
