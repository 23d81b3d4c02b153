package uk.encounters.portal.encounter;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.shoutout.School;
import uk.encounters.portal.shoutout.ShoutOut;
import uk.encounters.portal.shoutout.ShoutOuts;
import uk.encounters.portal.web.ApiProblemForms;
import uk.encounters.portal.web.EncounterWording;
import uk.encounters.portal.web.Viewer;

/**
 * The school's encounters and recording a new one: employer, activity, date and the rest, the attendance picker
 * (pupils by year group) and the meaningful-encounter checklist of the framework in force on the chosen date. One
 * form, one call to encounter-service: nothing is half-recorded.
 */
@Controller
@RequestMapping("/school/encounters")
class EncounterPages {

    /** How many past academic years the list offers besides the current one. */
    private static final int PAST_YEARS = 4;

    private final Encounters encounters;
    private final ShoutOuts shoutOuts;

    EncounterPages(Encounters encounters, ShoutOuts shoutOuts) {
        this.encounters = encounters;
        this.shoutOuts = shoutOuts;
    }

    /** {@code academicYear} is written 2026/27 (or 2026-27); "all" for every year; the current year by default. */
    @GetMapping
    String list(Viewer viewer, @RequestParam(required = false) String academicYear,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String current = AcademicYears.containing(today());
        String chosen = academicYear == null || academicYear.isBlank() ? current
                : "all".equals(academicYear) ? null : academicYear.strip().replace('-', '/');
        List<String> years = new ArrayList<>();
        for (int i = 0; i <= PAST_YEARS; i++) {
            years.add(AcademicYears.of(AcademicYears.startYear(current) - i));
        }
        if (chosen != null && !years.contains(chosen)) {
            years.add(chosen);
        }
        model.addAttribute("years", years);
        model.addAttribute("academicYear", chosen);
        model.addAttribute("encounters", encounters.ofSchool(viewer.tenantId(), chosen));
        return htmx != null ? "encounter/list :: results" : "encounter/list";
    }

    @GetMapping("/new")
    String newForm(Viewer viewer, @RequestParam(required = false) String shoutOutId,
                   @RequestParam(required = false) String offerId, Model model) {
        EncounterForm form = new EncounterForm(null, null, null, null, List.of(), today().toString(), null,
                DeliveryMode.IN_PERSON.name(), null, null, List.of(), List.of());
        if (shoutOutId != null && offerId != null) {
            form = fromOffer(shoutOutId, offerId, form);
        }
        ApiProblemForms.none(model);
        return form(viewer, form, model);
    }

    /** The checklist for the date chosen, for htmx to swap in when the date moves into another framework's year. */
    @GetMapping("/checklist")
    String checklist(@RequestParam(required = false) String date,
                     @RequestParam(required = false) List<String> checklist, Model model) {
        EncounterForm form = new EncounterForm(null, null, null, null, null, date, null, null, null, null, null,
                checklist);
        checklistModel(form, model);
        ApiProblemForms.none(model);
        return "encounter/checklist :: checklist";
    }

    @PostMapping
    String record(Viewer viewer, @ModelAttribute EncounterForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        School school = shoutOuts.school(viewer.tenantId());
        try {
            String encounterId = encounters.record(form.body(viewer.tenantId(), school.isCollege()));
            int pupils = form.attendees().size();
            redirect.addFlashAttribute("notice", "The encounter is recorded with " + pupils
                    + (pupils == 1 ? " pupil." : " pupils."));
            return "redirect:/school/encounters/" + encounterId;
        } catch (ApiProblem problem) {
            ApiProblemForms.show(model, PupilNames.in(problem, encounters.roll(viewer.tenantId(), true)));
            response.setStatus(problem.getStatus());
            return form(viewer, form, model);
        }
    }

    private String form(Viewer viewer, EncounterForm form, Model model) {
        String schoolId = viewer.tenantId();
        School school = shoutOuts.school(schoolId);
        List<ShoutOut> schoolShoutOuts = shoutOuts.ofSchool(schoolId);
        model.addAttribute("form", form);
        model.addAttribute("school", school);
        model.addAttribute("employers", employerChoices(schoolId, schoolShoutOuts));
        model.addAttribute("origin", origin(form, schoolShoutOuts));
        model.addAttribute("picker", AttendancePicker.of(encounters.roll(schoolId, false), form.attendees()));
        model.addAttribute("activityGroups", EncounterWording.activityGroups());
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("benchmarkChoices", Benchmark.values());
        model.addAttribute("today", today());
        checklistModel(form, model);
        return "encounter/form";
    }

    private static void checklistModel(EncounterForm form, Model model) {
        FrameworkVersion framework = form.framework(today());
        model.addAttribute("framework", framework);
        model.addAttribute("frameworkName", ChecklistGuide.frameworkName(framework));
        model.addAttribute("checklistYear", AcademicYears.containing(form.day().orElse(today())));
        model.addAttribute("checklistItems", ChecklistGuide.items(framework, form.checklist()));
    }

    /** The employer, activity, date, mode and place of an accepted offer, as the starting point. */
    private EncounterForm fromOffer(String shoutOutId, String offerId, EncounterForm blank) {
        ShoutOut shoutOut;
        try {
            shoutOut = shoutOuts.find(shoutOutId);
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return blank;
            }
            throw problem;
        }
        ShoutOut.Offer offer = shoutOut.offer(offerId);
        if (offer == null) {
            return blank;
        }
        List<String> benchmarks = ActivityType.valueOf(shoutOut.activityType()).defaultBenchmarks().stream()
                .map(Benchmark::name).sorted().toList();
        LocalDate date = offer.proposedDate() == null ? today() : offer.proposedDate();
        return new EncounterForm(offer.employerId(), shoutOutId, offerId, shoutOut.activityType(), benchmarks,
                date.toString(), null, shoutOut.mode(), shoutOut.location(), null, List.of(), List.of());
    }

    /** The shout-out and offer the form records, if it came from one, for the page to say so. */
    private static Origin origin(EncounterForm form, List<ShoutOut> schoolShoutOuts) {
        if (form.offerId() == null || form.offerId().isBlank()) {
            return null;
        }
        return schoolShoutOuts.stream().filter(s -> s.shoutOutId().equals(form.shoutOutId()))
                .filter(s -> s.offer(form.offerId()) != null)
                .map(s -> new Origin(s, s.offer(form.offerId())))
                .findFirst().orElse(null);
    }

    /**
     * The employers a school can record an encounter with: those whose offers it accepted and those it recorded
     * encounters with before. The platform has no public directory of employers, so these are all it knows.
     */
    private List<EmployerChoice> employerChoices(String schoolId, List<ShoutOut> schoolShoutOuts) {
        Map<String, String> names = new LinkedHashMap<>();
        schoolShoutOuts.forEach(s -> s.acceptedOffers().forEach(o -> names.put(o.employerId(), o.employer())));
        encounters.ofSchool(schoolId, null)
                .forEach(e -> names.putIfAbsent(e.employerId(), e.employer()));
        return names.entrySet().stream().map(e -> new EmployerChoice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(EmployerChoice::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static LocalDate today() {
        return LocalDate.now(EncounterWording.ENGLAND);
    }

    public record EmployerChoice(String employerId, String name) {
    }

    public record Origin(ShoutOut shoutOut, ShoutOut.Offer offer) {
    }
}
