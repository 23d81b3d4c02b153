package uk.encounters.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import uk.encounters.infra.EmbeddedKafka;
import uk.encounters.infra.EmbeddedMongo;
import uk.encounters.infra.JavaProcess;
import uk.encounters.launcher.demo.DemoLoadException;
import uk.encounters.launcher.demo.DemoStartup;
import uk.encounters.launcher.demo.DemoTarget;
import uk.encounters.launcher.demo.DemoTokens;

/**
 * The one-command local run: Kafka and MongoDB (embedded and persistent under {@code data/}, unless
 * {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} name servers to use), then the services, sign-in first,
 * until Ctrl-C.
 * On the first start it loads the demo hub through the services' APIs ({@link DemoStartup}; {@code -Ddemo=false}
 * turns that off).
 */
public final class Launcher {

    /**
     * Set by the Maven profile: exec:exec does not pass Ctrl-C or its own death on to the launcher, so the launcher
     * follows Maven out instead of being left running, with its children, under init.
     */
    static final String EXIT_WITH_PARENT_PROPERTY = "encounters.exitWithParent";
    static final int DEFAULT_MONGO_PORT = 27017;
    static final int DEFAULT_KAFKA_PORT = 9092;

    private final List<AutoCloseable> toStopInReverse = new ArrayList<>();

    public static void main(String[] args) {
        Launcher launcher = new Launcher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "launcher-shutdown"));
        if (Boolean.getBoolean(EXIT_WITH_PARENT_PROPERTY)) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
                System.out.println("Parent process " + parent.pid() + " exited; stopping.");
                System.exit(0);
            }));
        }
        try {
            launcher.run(RepoRoot.find(), System.getenv());
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("Start failed: " + e.getMessage());
            System.exit(1);
        }
        awaitShutdown();
    }

    private void run(Path root, Map<String, String> env) {
        long started = System.nanoTime();
        Path data = root.resolve("data");
        Path logs = data.resolve("logs");
        String kafkaServers = env.get("KAFKA_BOOTSTRAP_SERVERS");
        String mongoUri = env.get("MONGODB_URI");
        List<String[]> rows = new ArrayList<>();
        if (isSet(kafkaServers) && isSet(mongoUri)) {
            rows.add(new String[] {"Kafka (external)", kafkaServers, ""});
            rows.add(new String[] {"MongoDB (external)", mongoUri, ""});
        } else {
            Path mongoFile = data.resolve("mongo").resolve("encounters.mv");
            int mongoPort = portOrFree(DEFAULT_MONGO_PORT, "MongoDB");
            EmbeddedMongo mongo = register(EmbeddedMongo.persistent(mongoFile, mongoPort));
            mongoUri = mongo.connectionString();
            rows.add(new String[] {"MongoDB (embedded)", mongoUri, root.relativize(mongoFile).toString()});
            System.out.println("MongoDB (embedded, H2 file " + mongoFile + ") on port " + mongo.port());

            int kafkaPort = portOrFree(DEFAULT_KAFKA_PORT, "Kafka");
            System.out.println("Starting Kafka (embedded, " + data.resolve("kafka") + ") on port " + kafkaPort + " ...");
            EmbeddedKafka kafka = register(EmbeddedKafka.persistent(data.resolve("kafka"), kafkaPort,
                    logs.resolve("kafka.log")));
            kafkaServers = kafka.bootstrapServers();
            rows.add(new String[] {"Kafka (embedded)", kafkaServers, root.relativize(kafka.logFile()).toString()});
            System.out.println("Kafka ready in " + kafka.startTime().toMillis() + " ms");
        }
        System.out.println("Starting the services (logs in " + logs + ") ...");
        Platform platform = register(Platform.start(kafkaServers, mongoUri, root, PlatformPorts.defaults(), logs,
                Map.of(Platform.IDENTITY_DATA_DIRECTORY, data.toAbsolutePath().toString())));
        List<String[]> table = new ArrayList<>();
        for (Service service : Service.values()) {
            table.add(new String[] {service.module(), platform.baseUrl(service).toString(),
                    root.relativize(platform.logFile(service).toAbsolutePath()).toString()});
        }
        table.addAll(rows);
        System.out.println();
        System.out.println("Encounters platform is up after "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s (root " + root + ")");
        System.out.print(formatTable(table));
        System.out.println("Health: <url>/actuator/health   Press Ctrl-C to stop.");
        URI identity = platform.baseUrl(Service.IDENTITY);
        System.out.println("Sign-in: " + identity + "/login (first admin and admin client: "
                + root.relativize(data.resolve("identity-bootstrap.properties")) + "; mail: " + identity + "/outbox)");
        IdentityTokens tokens = null;
        try {
            tokens = new IdentityTokens(identity, data);
        } catch (DemoLoadException e) {
            System.out.println("Demo hub: no tokens to load it with. " + e.getMessage());
        }
        DemoStartup.run(data, new DemoTarget(platform.baseUrl(Service.SCHOOL), platform.baseUrl(Service.ENCOUNTER),
                platform.baseUrl(Service.REPORTING)), tokens, System.out);
        // By IP literal: identity-service sends people back to the portal only at a loopback IP (OAuth 2.1).
        PortalWelcome.print(System.out, URI.create("http://127.0.0.1:" + platform.baseUrl(Service.PORTAL).getPort()),
                data, tokens);
    }

    static String formatTable(List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"Component", "Address", "Log / data"});
        all.addAll(rows);
        int[] widths = new int[3];
        for (String[] row : all) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : all) {
            out.append(String.format("  %-" + widths[0] + "s  %-" + widths[1] + "s  %s%n", row[0], row[1], row[2]));
        }
        return out.toString();
    }

    private static int portOrFree(int preferred, String what) {
        if (JavaProcess.isPortFree(preferred)) {
            return preferred;
        }
        int free = JavaProcess.freePort();
        System.out.println(what + ": port " + preferred + " is taken, using " + free + " instead");
        return free;
    }

    private synchronized <T extends AutoCloseable> T register(T resource) {
        toStopInReverse.add(resource);
        return resource;
    }

    /** Services first (they still flush to Kafka and Mongo while stopping), then Kafka, then Mongo. */
    private synchronized void stop() {
        if (toStopInReverse.isEmpty()) {
            return;
        }
        System.out.println("Stopping ...");
        for (int i = toStopInReverse.size() - 1; i >= 0; i--) {
            try {
                toStopInReverse.get(i).close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e);
            }
        }
        toStopInReverse.clear();
        System.out.println("Stopped.");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
