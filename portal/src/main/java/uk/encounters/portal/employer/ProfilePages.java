package uk.encounters.portal.employer;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.web.Viewer;

/**
 * An employer's profile: made once, the first time they come (registration at identity-service only gave the
 * organisation a name and an id), and then shown as it is. encounter-service has no way to change it yet.
 */
@Controller
class ProfilePages {

    static final String PATH = "/employer/profile";

    private final PlatformApi api;
    private final Profiles profiles;

    ProfilePages(PlatformApi api, Profiles profiles) {
        this.api = api;
        this.profiles = profiles;
    }

    @GetMapping(PATH)
    String profile(Viewer viewer, HttpSession session, Model model) {
        Optional<Profile> profile = profiles.find(viewer, session);
        if (profile.isPresent()) {
            model.addAttribute("profile", profile.get());
            return "employer/profile";
        }
        model.addAttribute("form", new ProfileForm(viewer.organisationName(), null, null, null));
        return form(model);
    }

    @PostMapping(PATH)
    String save(Viewer viewer, @ModelAttribute("form") ProfileForm form, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        try {
            api.send(HttpMethod.POST, Backend.ENCOUNTER, u -> u.path("/api/v1/employers").build(),
                    Fields.body("employerId", viewer.tenantId(), "name", form.name(), "sector", form.sector(),
                            "size", form.size(), "postcode", form.postcode()));
        } catch (ApiProblem problem) {
            response.setStatus(problem.getStatus());
            model.addAttribute("problem", problem);
            return form(model);
        }
        redirect.addFlashAttribute("notice", "Your organisation's profile is saved. Here are the schools asking "
                + "for help near you.");
        return "redirect:/employer";
    }

    private static String form(Model model) {
        model.addAttribute("sizes", Labels.sizes());
        model.addAttribute("sectors", Labels.SECTORS);
        return "employer/profile-form";
    }

    record ProfileForm(String name, String sector, String size, String postcode) {
    }
}
