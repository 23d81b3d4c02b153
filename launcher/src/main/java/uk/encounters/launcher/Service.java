package uk.encounters.launcher;

/** The three services, each a module of the same name with its own default HTTP port. */
public enum Service {
    SCHOOL("school-service", 8081),
    ENCOUNTER("encounter-service", 8082),
    REPORTING("reporting-service", 8083);

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
}
