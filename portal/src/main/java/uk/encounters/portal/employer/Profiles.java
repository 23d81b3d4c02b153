package uk.encounters.portal.employer;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.web.Viewer;

/**
 * The signed-in employer's profile, read once per session: it cannot be changed once saved, and the board needs its
 * postcode on every visit. An employer that registered at sign-in but has not saved a profile has none (404).
 * encounter-service reads it from the employer's own event stream, so one saved a moment ago is found at once.
 */
@Component
class Profiles {

    private static final String KEY = Profiles.class.getName();

    private final PlatformApi api;

    Profiles(PlatformApi api) {
        this.api = api;
    }

    Optional<Profile> find(Viewer viewer, HttpSession session) {
        if (session.getAttribute(KEY) instanceof Profile known && viewer.tenantId().equals(known.employerId())) {
            return Optional.of(known);
        }
        try {
            Profile profile = Profile.of(api.get(Backend.ENCOUNTER,
                    u -> u.path("/api/v1/employers/{employerId}").build(viewer.tenantId())));
            session.setAttribute(KEY, profile);
            return Optional.of(profile);
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return Optional.empty();
            }
            throw problem;
        }
    }
}
