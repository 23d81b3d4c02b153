package uk.encounters.portal.employer;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.web.Viewer;

/** The employer's offers with the schools' answers, withdrawing one, and offering an activity of their own. */
@Controller
class OfferPages {

    /** The model's (and flash's) names for an offer just changed that the list may not show as it now is. */
    private static final String AWAITING = "awaiting";
    private static final String UNTIL = "until";
    private static final int CHECKS = 10;

    private final PlatformApi api;
    private final Profiles profiles;
    private final MyOffers myOffers;

    OfferPages(PlatformApi api, Profiles profiles, MyOffers myOffers) {
        this.api = api;
        this.profiles = profiles;
        this.myOffers = myOffers;
    }

    /**
     * encounter-service lists offers a moment after they change (its lists are projections). Until the offer just
     * made or withdrawn shows as it now is, the page says so and, with htmx, looks again every second, a few times.
     *
     * @param awaiting the offer just changed
     * @param until    the status it should show (OFFERED once made, WITHDRAWN once withdrawn)
     */
    @GetMapping("/employer/offers")
    String offers(Viewer viewer, @RequestParam(required = false) String awaiting,
                  @RequestParam(required = false) String until, @RequestParam(defaultValue = "0") int check,
                  Model model) {
        List<OfferCard> offers = myOffers.list(viewer);
        model.addAttribute("offers", offers);
        String offerId = model.getAttribute(AWAITING) instanceof String changed ? changed : awaiting;
        String status = model.getAttribute(UNTIL) instanceof String wanted ? wanted : until;
        boolean shown = offers.stream().anyMatch(o -> Objects.equals(o.offerId(), offerId) && Objects.equals(o.status(), status));
        boolean waiting = offerId != null && status != null && !shown && check < CHECKS;
        model.addAttribute(AWAITING, waiting ? offerId : null);
        model.addAttribute(UNTIL, status);
        model.addAttribute("nextCheck", check + 1);
        return "employer/offers";
    }

    /** Where a form goes once encounter-service has taken a change to an offer: My offers, until it shows. */
    static String toMyOffers(RedirectAttributes redirect, String notice, String offerId, String status) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute(AWAITING, offerId);
        redirect.addFlashAttribute(UNTIL, status);
        return "redirect:/employer/offers";
    }

    @PostMapping("/employer/offers/{offerId}/withdraw")
    String withdraw(Viewer viewer, @PathVariable String offerId, @RequestParam(required = false) String reason,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            api.send(HttpMethod.POST, Backend.ENCOUNTER, u -> u.path("/api/v1/offers/{offerId}/withdraw")
                    .build(offerId), Fields.body("reason", reason));
        } catch (ApiProblem problem) {
            // Answered meanwhile, say: the list as it now stands, with the service's reason on top.
            response.setStatus(problem.getStatus());
            model.addAttribute("problem", problem);
            return offers(viewer, null, null, 0, model);
        }
        return toMyOffers(redirect, "Your offer is withdrawn.", offerId, "WITHDRAWN");
    }

    @GetMapping("/employer/activities/new")
    String newActivity(Viewer viewer, HttpSession session, Model model) {
        if (profiles.find(viewer, session).isEmpty()) {
            return "redirect:" + ProfilePages.PATH;
        }
        model.addAttribute("form", new ActivityForm(null, null, null, null, null));
        return activityForm(model);
    }

    @PostMapping("/employer/activities")
    String offerActivity(Viewer viewer, @ModelAttribute("form") ActivityForm form, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Object> made;
        try {
            FormCheck check = new FormCheck();
            var date = check.date("date", form.date());
            Integer places = check.number("places", form.places(), "Places");
            check.orThrow();
            made = api.send(HttpMethod.POST, Backend.ENCOUNTER, u -> u.path("/api/v1/offers").build(),
                    Fields.body("employerId", viewer.tenantId(), "activityType", form.activityType(),
                            "title", form.title(), "date", date, "places", places, "mode", form.mode()));
        } catch (ApiProblem problem) {
            response.setStatus(problem.getStatus());
            model.addAttribute("problem", problem);
            return activityForm(model);
        }
        return toMyOffers(redirect, "Your activity \u201c" + form.title().strip() + "\u201d is on offer.",
                Fields.text(made, "offerId"), "OFFERED");
    }

    private static String activityForm(Model model) {
        model.addAttribute("activities", Labels.activities());
        model.addAttribute("modes", Labels.modes());
        return "employer/activity";
    }

    record ActivityForm(String activityType, String title, String date, String places, String mode) {
    }
}
