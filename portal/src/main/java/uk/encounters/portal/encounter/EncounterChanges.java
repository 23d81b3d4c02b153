package uk.encounters.portal.encounter;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.web.ApiProblemForms;
import uk.encounters.portal.web.Viewer;

/**
 * One encounter: who took part (by name, joined with the roll here), its checklist and whether it counts as
 * meaningful per benchmark, its history; and the three changes a careers leader can make afterwards, each with a
 * written reason that is kept: correcting the register, overriding the checklist's result, withdrawing it.
 */
@Controller
@RequestMapping("/school/encounters/{encounterId}")
class EncounterChanges {

    private final Encounters encounters;

    EncounterChanges(Encounters encounters) {
        this.encounters = encounters;
    }

    @GetMapping
    String detail(Viewer viewer, @PathVariable String encounterId, Model model) {
        EncounterDetail encounter = encounters.find(encounterId);
        Optional<ChecklistReport> report = encounters.checklistReport(encounterId);
        model.addAttribute("encounter", encounter);
        model.addAttribute("attendees", attendees(encounter, encounters.roll(viewer.tenantId(), true)));
        model.addAttribute("results", results(encounter, report));
        FrameworkVersion framework = framework(encounter);
        model.addAttribute("frameworkName", framework == null ? null : ChecklistGuide.frameworkName(framework));
        model.addAttribute("checklistItems", framework == null ? List.of() : ChecklistGuide.items(framework,
                encounter.checklist().entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                        .map(Map.Entry::getKey).toList()));
        return "encounter/detail";
    }

    @GetMapping("/register")
    String registerForm(Viewer viewer, @PathVariable String encounterId, Model model) {
        EncounterDetail encounter = encounters.find(encounterId);
        ApiProblemForms.none(model);
        return registerPage(viewer, encounter, encounter.attendees(), "", model);
    }

    @PostMapping("/register")
    String correctRegister(Viewer viewer, @PathVariable String encounterId,
                           @RequestParam(required = false) List<String> attendees,
                           @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect,
                           HttpServletResponse response) {
        List<String> register = attendees == null ? List.of() : attendees;
        try {
            encounters.correctRegister(encounterId, register, reason);
            redirect.addFlashAttribute("notice", "The register is corrected: " + register.size()
                    + (register.size() == 1 ? " pupil" : " pupils") + " took part.");
            return "redirect:/school/encounters/" + encounterId;
        } catch (ApiProblem problem) {
            ApiProblemForms.show(model, PupilNames.in(problem, encounters.roll(viewer.tenantId(), true)));
            response.setStatus(problem.getStatus());
            return registerPage(viewer, encounters.find(encounterId), register, reason, model);
        }
    }

    @GetMapping("/override")
    String overrideForm(@PathVariable String encounterId, Model model) {
        ApiProblemForms.none(model);
        return overridePage(encounters.find(encounterId), null, null, "", model);
    }

    @PostMapping("/override")
    String override(@PathVariable String encounterId, @RequestParam(required = false) String benchmark,
                    @RequestParam(required = false) String meaningful, @RequestParam(defaultValue = "") String reason,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("benchmark", benchmark == null || benchmark.isBlank() ? null : benchmark);
        body.put("meaningful", meaningful == null || meaningful.isBlank() ? null : Boolean.valueOf(meaningful));
        body.put("reason", reason);
        try {
            encounters.overrideMeaningfulness(encounterId, body);
            redirect.addFlashAttribute("notice", "Your override is recorded: " + benchmark + " now counts this"
                    + " encounter as " + (Boolean.parseBoolean(meaningful) ? "meaningful." : "not meaningful."));
            return "redirect:/school/encounters/" + encounterId;
        } catch (ApiProblem problem) {
            ApiProblemForms.show(model, problem);
            response.setStatus(problem.getStatus());
            return overridePage(encounters.find(encounterId), benchmark, meaningful, reason, model);
        }
    }

    @GetMapping("/withdraw")
    String withdrawForm(@PathVariable String encounterId, Model model) {
        ApiProblemForms.none(model);
        model.addAttribute("encounter", encounters.find(encounterId));
        model.addAttribute("reason", "");
        return "encounter/withdraw";
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable String encounterId, @RequestParam(defaultValue = "") String reason, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        try {
            encounters.withdraw(encounterId, reason);
            redirect.addFlashAttribute("notice", "The encounter is withdrawn: it no longer counts towards any"
                    + " pupil's benchmarks. Its record and your reason are kept.");
            return "redirect:/school/encounters/" + encounterId;
        } catch (ApiProblem problem) {
            ApiProblemForms.show(model, problem);
            response.setStatus(problem.getStatus());
            model.addAttribute("encounter", encounters.find(encounterId));
            model.addAttribute("reason", reason);
            return "encounter/withdraw";
        }
    }

    /**
     * The picker for a corrected register lists the pupils on roll on the encounter's day (leavers since then
     * included), with the register as it stands, or as the person last submitted it, ticked.
     */
    private String registerPage(Viewer viewer, EncounterDetail encounter, List<String> chosen, String reason,
                                Model model) {
        List<RollPupil> roll = encounters.roll(viewer.tenantId(), true).stream()
                .filter(p -> encounter.date() == null || p.onRollOn(encounter.date()))
                .toList();
        model.addAttribute("encounter", encounter);
        model.addAttribute("picker", AttendancePicker.of(roll, chosen));
        model.addAttribute("reason", reason);
        return "encounter/register";
    }

    private String overridePage(EncounterDetail encounter, String benchmark, String meaningful, String reason,
                                Model model) {
        model.addAttribute("encounter", encounter);
        model.addAttribute("results", results(encounter, encounters.checklistReport(encounter.encounterId())));
        model.addAttribute("benchmark", benchmark != null ? benchmark
                : encounter.benchmarks().size() == 1 ? encounter.benchmarks().getFirst() : null);
        model.addAttribute("meaningful", meaningful);
        model.addAttribute("reason", reason);
        return "encounter/override";
    }

    /** The register by name, in year-group then surname order; ids the roll no longer lists are said to be so. */
    static List<Attendee> attendees(EncounterDetail encounter, List<RollPupil> roll) {
        Map<String, RollPupil> byId = roll.stream()
                .collect(Collectors.toMap(RollPupil::pupilId, Function.identity(), (a, b) -> a));
        List<Attendee> named = new ArrayList<>();
        for (String pupilId : encounter.attendees()) {
            RollPupil pupil = byId.get(pupilId);
            named.add(pupil == null ? new Attendee("A pupil no longer on the roll", null, "")
                    : new Attendee(pupil.name(), pupil.yearGroup(), pupil.surname() + " " + pupil.forename()));
        }
        named.sort(Comparator.comparing(Attendee::yearGroup, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Attendee::sortKey));
        return named;
    }

    /**
     * Per tagged benchmark: what the checklist says, the latest override and what counts, from encounter-service,
     * which answers from the encounter's own events and so already shows a change just made; and whether
     * reporting-service, whose coverage figures follow within moments, has the same result yet.
     */
    static List<BenchmarkResult> results(EncounterDetail encounter, Optional<ChecklistReport> report) {
        FrameworkVersion framework = framework(encounter);
        List<BenchmarkResult> results = new ArrayList<>();
        for (String benchmark : encounter.benchmarks()) {
            boolean met = framework != null && ChecklistItem.required(Benchmark.valueOf(benchmark), framework).stream()
                    .allMatch(item -> Boolean.TRUE.equals(encounter.checklist().get(item.name())));
            EncounterDetail.MeaningOverride latest = encounter.overrides().stream()
                    .filter(o -> benchmark.equals(o.benchmark())).reduce((first, second) -> second).orElse(null);
            Boolean override = latest == null ? null : latest.meaningful();
            boolean meaningful = encounter.isRecorded() && Boolean.TRUE.equals(encounter.meaningful().get(benchmark));
            ChecklistReport.Result reported = report.map(r -> r.results().get(benchmark)).orElse(null);
            boolean inFigures = reported != null && reported.meaningful() == meaningful
                    && Objects.equals(reported.override(), override);
            results.add(new BenchmarkResult(benchmark, met, override, latest == null ? null : latest.reason(),
                    meaningful, inFigures));
        }
        return results;
    }

    private static FrameworkVersion framework(EncounterDetail encounter) {
        if (encounter.framework() != null) {
            return FrameworkVersion.valueOf(encounter.framework());
        }
        return encounter.date() == null ? null : ChecklistGuide.frameworkOn(encounter.date());
    }

    /** @param yearGroup null for a pupil the roll no longer lists */
    public record Attendee(String name, Integer yearGroup, String sortKey) {
    }

    /**
     * @param override   the careers leader's verdict, or null where the checklist decides
     * @param inFigures  whether reporting-service's coverage figures have this result yet
     */
    public record BenchmarkResult(String benchmark, boolean checklistMet, Boolean override, String overrideReason,
                                  boolean meaningful, boolean inFigures) {
    }
}
