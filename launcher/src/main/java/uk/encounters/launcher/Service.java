package uk.encounters.launcher;

/**
 * The services, each a module of the same name with its own default HTTP port, in start order: sign-in first, so
 * the issuer is up by the time anything asks it for keys or tokens.
 */
public enum Service {
    IDENTITY("identity-service", 8080),
    SCHOOL("school-service", 8081),
    ENCOUNTER("encounter-service", 8082),
    REPORTING("reporting-service", 8083),
    /** The web portal: people sign in here; it calls the four above with their tokens. */
    PORTAL("portal", 8084);

    private final String module;
    private final int defaultPort;

    Service(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    /** The Maven module, which is also the artifact id and the name used for the log file. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The services with a public HTTP API, a database and an OpenAPI document (all but the portal). */
    public boolean isApi() {
        return this != PORTAL;
    }
}
