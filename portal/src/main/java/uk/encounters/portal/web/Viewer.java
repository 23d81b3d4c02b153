package uk.encounters.portal.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as identity-service's account says: the role decides which portal they see, the tenant is
 * their school, employer or hub.
 */
public record Viewer(String accountId, String email, String role, String tenantId, String organisationName) {

    public static final String CAREERS_LEADER = "CAREERS_LEADER";
    public static final String EMPLOYER = "EMPLOYER";
    public static final String HUB_COORDINATOR = "HUB_COORDINATOR";

    static Viewer of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return new Viewer(user.getSubject(), user.getAttribute("email"), user.getAttribute("role"),
                    user.getAttribute("tenantId"), user.getAttribute("organisationName"));
        }
        return null;
    }

    public boolean isCareersLeader() {
        return CAREERS_LEADER.equals(role);
    }

    public boolean isEmployer() {
        return EMPLOYER.equals(role);
    }

    public boolean isHubCoordinator() {
        return HUB_COORDINATOR.equals(role);
    }

    /** Where this person's portal starts. */
    public String home() {
        if (role == null) {
            return "/admin";
        }
        return switch (role) {
            case CAREERS_LEADER -> "/school";
            case EMPLOYER -> "/employer";
            case HUB_COORDINATOR -> "/hub";
            default -> "/admin";
        };
    }
}
