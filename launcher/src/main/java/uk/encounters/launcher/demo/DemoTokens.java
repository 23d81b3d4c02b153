package uk.encounters.launcher.demo;

/**
 * Bearer tokens for the people the demo loader acts as: an admin creates the hub and registers the schools, each
 * school's careers leader uploads its roll, posts shout-outs and records encounters, each employer registers and
 * offers, the hub's coordinator watches unmet demand. The services accept nothing else (docs/access.md).
 * <p>
 * The end-to-end tests mint these with a test issuer the services are told to trust. The run command has no source
 * yet: identity-service will provide one (an admin integration client plus the accounts the demo invites).
 */
public interface DemoTokens {

    String admin();

    String hubCoordinator(String hubId);

    String careersLeader(String schoolId);

    String employer(String employerId);
}
