package uk.encounters.portal.shoutout;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.web.ApiProblemForms;
import uk.encounters.portal.web.EncounterWording;
import uk.encounters.portal.web.Viewer;

/**
 * The careers leader's shout-outs: the list by status, posting and editing one, withdrawing it, and answering the
 * offers employers make on it. Each form is one call to school-service; a refusal comes back on the same form with
 * school-service's messages next to the fields and everything as the person typed it.
 */
@Controller
@RequestMapping("/school/shout-outs")
class ShoutOutPages {

    /** The order the list groups shout-outs in: what needs attention first. */
    static final List<String> STATUSES = List.of("OPEN", "FILLED", "EXPIRED", "WITHDRAWN");
    /** A refused form is answered 422, like the API that refused it. */
    private static final int UNPROCESSABLE = 422;

    private final ShoutOuts shoutOuts;

    ShoutOutPages(ShoutOuts shoutOuts) {
        this.shoutOuts = shoutOuts;
    }

    @GetMapping
    String list(Viewer viewer, @RequestParam(required = false) String status,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        List<ShoutOut> all = shoutOuts.ofSchool(viewer.tenantId());
        String chosen = status != null && STATUSES.contains(status) ? status : null;
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, all.stream().filter(o -> s.equals(o.status())).count()));
        Map<String, List<ShoutOut>> groups = new LinkedHashMap<>();
        STATUSES.stream().filter(s -> chosen == null || s.equals(chosen))
                .forEach(s -> groups.put(s, all.stream().filter(o -> s.equals(o.status())).toList()));
        model.addAttribute("total", all.size());
        model.addAttribute("counts", counts);
        model.addAttribute("groups", groups);
        model.addAttribute("status", chosen);
        Map<String, String> labels = new LinkedHashMap<>();
        STATUSES.forEach(s -> labels.put(s, ShoutOut.statusLabel(s)));
        model.addAttribute("labels", labels);
        return htmx != null ? "shoutout/list :: results" : "shoutout/list";
    }

    @GetMapping("/new")
    String newForm(Viewer viewer, Model model) {
        return form(viewer, ShoutOutForm.blank(LocalDate.now(EncounterWording.ENGLAND)), null, model);
    }

    @PostMapping
    String post(Viewer viewer, @ModelAttribute ShoutOutForm form, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        try {
            String shoutOutId = shoutOuts.post(viewer.tenantId(), form.body());
            redirect.addFlashAttribute("notice", "Your shout-out \"" + form.title().strip() + "\" is posted: employers"
                    + " in your hub can see it and offer.");
            return "redirect:/school/shout-outs/" + shoutOutId;
        } catch (ApiProblem problem) {
            ApiProblemForms.show(model, problem);
            response.setStatus(UNPROCESSABLE);
            return form(viewer, form, null, model);
        }
    }

    @GetMapping("/{shoutOutId}")
    String detail(@PathVariable String shoutOutId, Model model) {
        model.addAttribute("shoutOut", shoutOuts.find(shoutOutId));
        return "shoutout/detail";
    }

    @GetMapping("/{shoutOutId}/edit")
    String editForm(Viewer viewer, @PathVariable String shoutOutId, Model model) {
        ShoutOut shoutOut = shoutOuts.find(shoutOutId);
        return form(viewer, ShoutOutForm.of(shoutOut), shoutOut, model);
    }

    @PostMapping("/{shoutOutId}")
    String edit(Viewer viewer, @PathVariable String shoutOutId, @ModelAttribute ShoutOutForm form, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        try {
            shoutOuts.edit(shoutOutId, form.body());
            redirect.addFlashAttribute("notice", "Your changes to \"" + form.title().strip() + "\" are saved.");
            return "redirect:/school/shout-outs/" + shoutOutId;
        } catch (ApiProblem problem) {
            ApiProblemForms.show(model, problem);
            response.setStatus(UNPROCESSABLE);
            return form(viewer, form, shoutOuts.find(shoutOutId), model);
        }
    }

    @GetMapping("/{shoutOutId}/withdraw")
    String withdrawForm(@PathVariable String shoutOutId, Model model) {
        model.addAttribute("shoutOut", shoutOuts.find(shoutOutId));
        model.addAttribute("reason", "");
        ApiProblemForms.none(model);
        return "shoutout/withdraw";
    }

    @PostMapping("/{shoutOutId}/withdraw")
    String withdraw(@PathVariable String shoutOutId, @RequestParam(defaultValue = "") String reason, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        try {
            shoutOuts.withdraw(shoutOutId, reason);
            redirect.addFlashAttribute("notice", "The shout-out is withdrawn. Employers whose offers were waiting"
                    + " have been told.");
            return "redirect:/school/shout-outs/" + shoutOutId;
        } catch (ApiProblem problem) {
            ApiProblemForms.show(model, problem);
            response.setStatus(problem.getStatus());
            model.addAttribute("shoutOut", shoutOuts.find(shoutOutId));
            model.addAttribute("reason", reason);
            return "shoutout/withdraw";
        }
    }

    @PostMapping("/{shoutOutId}/offers/{offerId}/accept")
    String accept(@PathVariable String shoutOutId, @PathVariable String offerId, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            shoutOuts.accept(shoutOutId, offerId);
        } catch (ApiProblem problem) {
            // An offer withdrawn or answered meanwhile: the page as it is now, with why nothing changed.
            model.addAttribute("problem", problem);
            model.addAttribute("shoutOut", shoutOuts.find(shoutOutId));
            response.setStatus(problem.getStatus());
            return "shoutout/detail";
        }
        ShoutOut shoutOut = shoutOuts.find(shoutOutId);
        ShoutOut.Offer offer = shoutOut.offer(offerId);
        redirect.addFlashAttribute("notice", "You accepted the offer from " + (offer == null ? "the employer"
                : offer.employer()) + ". Once the encounter has taken place, record it with the pupils who took part."
                + (shoutOut.isOpen() ? "" : " Every place is now covered, so the shout-out is filled."));
        return "redirect:/school/shout-outs/" + shoutOutId;
    }

    @GetMapping("/{shoutOutId}/offers/{offerId}/decline")
    String declineForm(@PathVariable String shoutOutId, @PathVariable String offerId, Model model) {
        declineModel(shoutOutId, offerId, "", model);
        ApiProblemForms.none(model);
        return "shoutout/decline";
    }

    @PostMapping("/{shoutOutId}/offers/{offerId}/decline")
    String decline(@PathVariable String shoutOutId, @PathVariable String offerId,
                   @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        try {
            shoutOuts.decline(shoutOutId, offerId, reason);
            redirect.addFlashAttribute("notice", "You declined the offer; the employer has been told.");
            return "redirect:/school/shout-outs/" + shoutOutId;
        } catch (ApiProblem problem) {
            ApiProblemForms.show(model, problem);
            response.setStatus(problem.getStatus());
            declineModel(shoutOutId, offerId, reason, model);
            return "shoutout/decline";
        }
    }

    private void declineModel(String shoutOutId, String offerId, String reason, Model model) {
        ShoutOut shoutOut = shoutOuts.find(shoutOutId);
        ShoutOut.Offer offer = shoutOut.offer(offerId);
        if (offer == null) {
            throw new ApiProblem(404, "Not Found", "This shout-out has no offer " + offerId + ".", List.of());
        }
        model.addAttribute("shoutOut", shoutOut);
        model.addAttribute("offer", offer);
        model.addAttribute("reason", reason);
    }

    /** The form for a new shout-out ({@code editing} null) or for changing one. */
    private String form(Viewer viewer, ShoutOutForm form, ShoutOut editing, Model model) {
        if (!model.containsAttribute("errors")) {
            ApiProblemForms.none(model);
        }
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("school", shoutOuts.school(viewer.tenantId()));
        model.addAttribute("sectors", Sectors.offered(form.sectors()));
        model.addAttribute("activityGroups", EncounterWording.activityGroups());
        model.addAttribute("modes", DeliveryMode.values());
        return "shoutout/form";
    }
}
