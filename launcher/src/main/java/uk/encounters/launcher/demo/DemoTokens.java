package uk.encounters.launcher.demo;

/**
 * Bearer tokens for the people the demo loader acts as: an admin creates the hub and registers the schools, each
 * school's careers leader uploads its roll, posts shout-outs and records encounters, each employer registers and
 * offers, the hub's coordinator watches unmet demand. The services accept nothing else (docs/access.md).
 * <p>
 * The run command gets them from identity-service ({@code uk.encounters.launcher.IdentityTokens}): accounts invited
 * or registered as people are, each with an integration client.
 */
public interface DemoTokens {

    String admin();

    String hubCoordinator(String hubId);

    /** @param hubId the school's hub: its coordinator is the one who invites the school's careers leader */
    String careersLeader(String hubId, String schoolId);

    /** @param employer the plan's name for an employer; the token acts for {@link #employerId} of it */
    String employer(String employer);

    /**
     * The id the platform knows the employer by: identity-service mints employer ids when an employer registers,
     * and the services accept an employer's requests only for its own id.
     */
    String employerId(String employer);
}
