package uk.encounters.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.infra.Infrastructure;
import uk.encounters.infra.JavaProcess;

/**
 * The services running from their runnable jars, each in its own JVM, against given Kafka and MongoDB servers.
 * Used by the run command and by end-to-end tests; it never starts Kafka or MongoDB itself.
 */
public final class Platform implements AutoCloseable {

    /** Extra JVM options for each service, split on spaces; replaces {@link #DEFAULT_JVM_OPTIONS}. */
    public static final String JVM_OPTIONS_PROPERTY = "encounters.service.jvmArgs";
    public static final String START_TIMEOUT_PROPERTY = "encounters.service.startTimeoutSeconds";
    /** Three Spring Boot JVMs compete for two cores at start-up, where C1 alone is markedly quicker. */
    static final String DEFAULT_JVM_OPTIONS =
            "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError";

    /** Where identity-service writes its first-start credentials ({@code identity-bootstrap.properties}). */
    public static final String IDENTITY_DATA_DIRECTORY = "ENCOUNTERS_IDENTITY_DATA_DIRECTORY";

    private final List<ServiceProcess> services;
    private volatile boolean closing;

    private Platform(List<ServiceProcess> services) {
        this.services = services;
    }

    /**
     * Starts the services against {@code infra} on the given ports, logging to {@code target/platform-logs} under
     * the working directory (a module directory under Maven), and returns once all report readiness. The
     * identity-service writes its bootstrap credentials next to the logs, never into the local run's {@code data/}.
     * {@code extraEnvironment} as below (the end-to-end tests name the token issuer the services trust).
     */
    public static Platform start(Infrastructure infra, Path repoRoot, PlatformPorts ports,
                                 Map<String, String> extraEnvironment) {
        Path logDir = Files.isDirectory(Path.of("target")) ? Path.of("target", "platform-logs")
                : repoRoot.resolve("data").resolve("logs");
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.putIfAbsent(IDENTITY_DATA_DIRECTORY,
                logDir.toAbsolutePath().resolveSibling("platform-data").toString());
        return start(infra.kafkaBootstrapServers(), infra.mongoUri(), repoRoot, ports, logDir, environment);
    }

    /**
     * Starts the services with {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI} and {@code SERVER_PORT} set,
     * plus {@code extraEnvironment} (Spring's relaxed binding turns e.g. {@code AXON_FOO_BAR} into a property), each
     * logging to {@code <logDir>/<service>.log}. Fails before starting anything if a jar is missing or a port is taken,
     * and stops what it started if a service fails to become ready.
     */
    public static Platform start(String kafkaBootstrapServers, String mongoUri, Path repoRoot, PlatformPorts ports,
            Path logDir, Map<String, String> extraEnvironment) {
        Map<Service, Path> jars = ServiceJars.locate(repoRoot);
        for (Service service : Service.values()) {
            if (!JavaProcess.isPortFree(ports.of(service))) {
                throw new IllegalStateException("Port " + ports.of(service) + " for " + service.module()
                        + " is in use; is the platform already running?");
            }
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        environment.put("MONGODB_URI", mongoUri);
        // Readiness groups exist by default only on Kubernetes; the wait below and compose's healthcheck need them.
        environment.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        // The sign-in service's public address: the iss of its tokens, and where the other services fetch its keys.
        String issuer = "http://localhost:" + ports.of(Service.IDENTITY);
        environment.put("ENCOUNTERS_IDENTITY_ISSUERURI", issuer);
        // One spelling only, the one extraEnvironment overrides (relaxed binding reads it as issuer-uri).
        environment.put("ENCOUNTERS_SECURITY_ISSUERURI", issuer);
        // The portal calls the others at these addresses, and signs people in at the issuer; identity-service
        // sends them back to it (loopback redirects must be IP literals) and, after signing out, to its goodbye page.
        environment.put("ENCOUNTERS_PORTAL_IDENTITY", issuer);
        environment.put("ENCOUNTERS_PORTAL_SCHOOL", "http://localhost:" + ports.of(Service.SCHOOL));
        environment.put("ENCOUNTERS_PORTAL_ENCOUNTER", "http://localhost:" + ports.of(Service.ENCOUNTER));
        environment.put("ENCOUNTERS_PORTAL_REPORTING", "http://localhost:" + ports.of(Service.REPORTING));
        String portal = "http://127.0.0.1:" + ports.of(Service.PORTAL);
        environment.put("ENCOUNTERS_IDENTITY_PORTAL_REDIRECTURIS",
                portal + "/login/oauth2/code/platform," + IdentityTokens.PORTAL_REDIRECT);
        environment.put("ENCOUNTERS_IDENTITY_PORTAL_POSTLOGOUTREDIRECTURIS", portal + "/signed-out");
        // No mail server on a local run: invitation and confirmation mail is read at <issuer>/outbox.
        environment.put("ENCOUNTERS_IDENTITY_OUTBOX_PAGE", "true");
        environment.putAll(extraEnvironment);
        List<String> jvmOptions = List.of(System.getProperty(JVM_OPTIONS_PROPERTY, DEFAULT_JVM_OPTIONS).trim()
                .split("\\s+"));
        Duration timeout = Duration.ofSeconds(Long.getLong(START_TIMEOUT_PROPERTY, 240));

        List<ServiceProcess> started = new ArrayList<>();
        try {
            // Started together, awaited one by one: start-up is CPU-bound but much of it is waiting on I/O.
            for (Service service : Service.values()) {
                started.add(ServiceProcess.start(service, jars.get(service), ports.of(service), environment,
                        jvmOptions, repoRoot, logDir.resolve(service.module() + ".log")));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (ServiceProcess service : started) {
                service.awaitReady(deadline, timeout);
            }
        } catch (RuntimeException e) {
            stopAll(started);
            throw e;
        }
        Platform platform = new Platform(List.copyOf(started));
        platform.reportUnexpectedExits();
        return platform;
    }

    private void reportUnexpectedExits() {
        for (ServiceProcess service : services) {
            service.process().onExit().thenAccept(process -> {
                if (!closing) {
                    System.err.println(service.service().module() + " exited unexpectedly with code "
                            + process.exitValue() + "; see " + service.logFile().toAbsolutePath());
                }
            });
        }
    }

    /** For example {@code http://localhost:8081}. */
    public URI baseUrl(Service service) {
        return find(service).baseUrl();
    }

    public Map<Service, URI> baseUrls() {
        Map<Service, URI> urls = new EnumMap<>(Service.class);
        services.forEach(service -> urls.put(service.service(), service.baseUrl()));
        return Collections.unmodifiableMap(urls);
    }

    public Path logFile(Service service) {
        return find(service).logFile();
    }

    /** The service's process id, e.g. to check it is gone after {@link #close()}. */
    public long pid(Service service) {
        return find(service).process().pid();
    }

    private ServiceProcess find(Service service) {
        return services.stream().filter(s -> s.service() == service).findFirst().orElseThrow();
    }

    /** Stops all services, in parallel, each with a graceful shutdown first. */
    @Override
    public void close() {
        closing = true;
        stopAll(services);
    }

    private static void stopAll(List<ServiceProcess> services) {
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess service : services) {
            stoppers.add(Thread.ofPlatform().name("stop-" + service.service().module()).start(service::close));
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
