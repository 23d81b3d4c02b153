package uk.encounters.portal.employer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.web.Viewer;

/**
 * The board of open shout-outs, one shout-out, and the offer on it. The board is a GET form, so a filtered board can
 * be bookmarked; htmx swaps only the results as filters change and puts the filters in the address bar.
 */
@Controller
class BoardPages {

    private final PlatformApi api;
    private final Profiles profiles;
    private final MyOffers myOffers;

    BoardPages(PlatformApi api, Profiles profiles, MyOffers myOffers) {
        this.api = api;
        this.profiles = profiles;
        this.myOffers = myOffers;
    }

    @GetMapping("/employer")
    String board(Viewer viewer, @ModelAttribute("filters") BoardFilters requested, HttpServletRequest request,
                 HttpServletResponse response, HttpSession session, Model model) {
        Optional<Profile> profile = profiles.find(viewer, session);
        if (profile.isEmpty()) {
            return "redirect:" + ProfilePages.PATH;
        }
        BoardFilters filters = requested.withHome(profile.get().postcode());
        model.addAttribute("filters", filters);
        model.addAttribute("profile", profile.get());
        model.addAttribute("activities", Labels.activities());
        model.addAttribute("modes", Labels.modes());
        model.addAttribute("sectors", Labels.SECTORS);
        model.addAttribute("miles", BoardFilters.MILES);
        boolean htmx = Htmx.fragmentWanted(request);
        try {
            FormCheck check = new FormCheck();
            check.date("from", filters.from());
            check.date("to", filters.to());
            check.orThrow();
            List<BoardCard> cards = api.getList(Backend.ENCOUNTER, filters::boardUri).stream()
                    .map(BoardCard::of).toList();
            model.addAttribute("cards", cards);
            model.addAttribute("offered", myOffers.byShoutOut(viewer));
            model.addAttribute("count", cards.isEmpty() ? "No open shout-outs match these filters."
                    : Labels.plural(cards.size(), "open shout-out", "open shout-outs")
                    + (filters.measuresDistance() ? ", nearest first." : ", soonest first."));
        } catch (ApiProblem problem) {
            if (problem.getStatus() != 400 && problem.getStatus() != 422) {
                throw problem;
            }
            // A filter the service cannot use: say which, next to it, and show no results rather than wrong ones.
            model.addAttribute("problem", problem);
            model.addAttribute("cards", List.of());
            model.addAttribute("offered", Map.of());
            model.addAttribute("count", "Check the filters: " + problem.getDetail());
            if (!htmx) {
                response.setStatus(422);
            }
        }
        return htmx ? "employer/board :: update" : "employer/board";
    }

    @GetMapping("/employer/shout-outs/{shoutOutId}")
    String shoutOut(Viewer viewer, @PathVariable String shoutOutId, HttpSession session, Model model) {
        if (profiles.find(viewer, session).isEmpty()) {
            return "redirect:" + ProfilePages.PATH;
        }
        model.addAttribute("card", onBoard(shoutOutId));
        model.addAttribute("form", new OfferForm(null, null));
        // An employer offers once per shout-out: one who has shows that offer instead of a form the service refuses.
        model.addAttribute("offer", myOffers.byShoutOut(viewer).get(shoutOutId));
        return "employer/shout-out";
    }

    @PostMapping("/employer/shout-outs/{shoutOutId}/offers")
    String offer(Viewer viewer, @PathVariable String shoutOutId, @ModelAttribute("form") OfferForm form,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        BoardCard card = onBoard(shoutOutId);
        Map<String, Object> made;
        try {
            FormCheck check = new FormCheck();
            var proposedDate = check.date("proposedDate", form.proposedDate());
            check.orThrow();
            made = api.send(HttpMethod.POST, Backend.ENCOUNTER,
                    u -> u.path("/api/v1/shout-outs/{shoutOutId}/offers").build(shoutOutId),
                    Fields.body("employerId", viewer.tenantId(), "proposedDate", proposedDate,
                            "message", form.message()));
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            response.setStatus(problem.getStatus());
            model.addAttribute("problem", problem);
            model.addAttribute("card", card);
            return "employer/shout-out";
        }
        return OfferPages.toMyOffers(redirect, "Your offer for \u201c" + card.title() + "\u201d has gone to "
                + card.schoolName() + ". Their answer will show here.", Fields.text(made, "offerId"), "OFFERED");
    }

    /**
     * There is no endpoint for one shout-out: it is looked up in the board. One that has left the board (filled,
     * withdrawn, expired) takes no offers, so "not found" is the right answer for it.
     */
    private BoardCard onBoard(String shoutOutId) {
        return api.getList(Backend.ENCOUNTER, u -> u.path("/api/v1/shout-outs").queryParam("status", "OPEN").build())
                .stream()
                .filter(entry -> shoutOutId.equals(Fields.text(entry, "shoutOutId")))
                .findFirst()
                .map(BoardCard::of)
                .orElseThrow(() -> new ApiProblem(404, "Not Found", "This shout-out is no longer on the board: the "
                        + "school may have filled or withdrawn it. Other schools are asking for help on the board.",
                        List.of()));
    }

    record OfferForm(String proposedDate, String message) {
    }
}
