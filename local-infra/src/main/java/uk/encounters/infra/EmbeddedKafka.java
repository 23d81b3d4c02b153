package uk.encounters.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in a child JVM started from Kafka's own jars.
 * A child rather than in-process so the broker's 300 MB and its threads do not share the test JVM's heap and GC, and
 * so it can be killed cleanly. Throwaway mode (temp dir, free port) is for tests; persistent mode (a data directory
 * formatted once, fixed port) is for the run command.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** The broker dies at start-up with 128 MB; 512 MB leaves room for many partitions and large batches. */
    static final String DEFAULT_HEAP = "512m";
    private static final int START_ATTEMPTS = 3;
    private static final Duration PERSISTENT_STOP_GRACE = Duration.ofSeconds(30);

    private final Path workDir;
    private final Path logFile;
    private final boolean throwaway;
    private final int port;
    private final Process process;
    private final Duration startTime;

    private EmbeddedKafka(Path workDir, Path logFile, boolean throwaway, int port, Process process,
            Duration startTime) {
        this.workDir = workDir;
        this.logFile = logFile;
        this.throwaway = throwaway;
        this.port = port;
        this.process = process;
        this.startTime = startTime;
    }

    /** A broker on a free port with its data in a temp directory that is deleted on close. */
    public static EmbeddedKafka throwaway() {
        Path dir;
        try {
            dir = Files.createTempDirectory("encounters-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp directory for Kafka", e);
        }
        IllegalStateException last = null;
        // A free port can be taken by someone else between our probe and the broker's bind: retry with new ports.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return start(dir, dir.resolve("broker.log"), true, JavaProcess.freePort());
            } catch (PortTakenException e) {
                last = e;
            }
        }
        throw last;
    }

    /** A broker whose data lives in {@code dataDir} (formatted on first use) on the given port, logging to dataDir. */
    public static EmbeddedKafka persistent(Path dataDir, int port) {
        return persistent(dataDir, port, dataDir.resolve("broker.log"));
    }

    /**
     * A broker whose data lives in {@code dataDir} (formatted on first use, kept on close) listening on {@code port}
     * (0 for a free one), with its output in {@code logFile}.
     */
    public static EmbeddedKafka persistent(Path dataDir, int port, Path logFile) {
        Path dir = dataDir.toAbsolutePath();
        int chosen = port == 0 ? JavaProcess.freePort() : port;
        if (!JavaProcess.isPortFree(chosen)) {
            throw new IllegalStateException("Port " + chosen + " is in use; is another Kafka broker running?");
        }
        return start(dir, logFile.toAbsolutePath(), false, chosen);
    }

    private static EmbeddedKafka start(Path dir, Path logFile, boolean throwaway, int port) {
        long started = System.nanoTime();
        int controllerPort = JavaProcess.freePort();
        Path config = dir.resolve("server.properties");
        Path logback = dir.resolve("broker-logback.xml");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(logFile.getParent());
            writeProperties(config, brokerProperties(dir.resolve("kraft-logs"), port, controllerPort));
            Files.writeString(logback, LOGBACK_WARN, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka's directory " + dir, e);
        }
        Path argFile = JavaProcess.classpathArgFile(JavaProcess.classpathOfThisJvm(), dir.resolve("classpath.args"));
        List<String> command = new ArrayList<>();
        command.add(JavaProcess.javaBinary());
        command.add("-Xms64m");
        command.add("-Xmx" + System.getProperty("encounters.kafka.heap", DEFAULT_HEAP));
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(JavaProcess.quietJvmOptions());
        if (throwaway) {
            // Tests share two cores with their own JVM: C1 alone starts the broker sooner and costs less CPU.
            command.add("-XX:TieredStopAtLevel=1");
        }
        String extra = System.getProperty("encounters.kafka.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-Dlogback.configurationFile=" + logback);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
        command.add("-Dlog4j2.level=WARN");
        command.add("@" + argFile);
        command.add(KafkaBrokerMain.class.getName());
        command.add(config.toString());
        if (throwaway) {
            command.add(KafkaBrokerMain.DELETE_DIRECTORY_ON_EXIT);
        }
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka child JVM: " + command, e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(dir, logFile, throwaway, port, process, Duration.ZERO);
        try {
            kafka.awaitReady(Duration.ofSeconds(Long.getLong("encounters.kafka.startTimeoutSeconds", 90)));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return new EmbeddedKafka(dir, logFile, throwaway, port, process,
                Duration.ofNanos(System.nanoTime() - started));
    }

    static Map<String, String> brokerProperties(Path logDir, int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // A static voter set: the controller's port is then free to change between runs of a persistent broker,
        // whereas a dynamic quorum writes the controller endpoint into the formatted metadata.
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        // One node: every internal topic must get by with one replica. One partition each also keeps the first
        // consumer group join fast (50 offsets partitions cost seconds on two cores).
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        // Tests start consumers one after another; the default 3 s wait for more group members only slows them.
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void writeProperties(Path file, Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by EmbeddedKafka on every start");
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Wait for the socket first: an AdminClient pointed at a closed port logs a warning per retry.
        while (!JavaProcess.isListening(port)) {
            checkAlive();
            checkDeadline(deadline, timeout);
            pause();
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                checkAlive();
                checkDeadline(deadline, timeout);
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // Still starting: the broker accepts connections before it is unfenced.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
                pause();
            }
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            String tail = JavaProcess.tail(logFile, 40);
            String message = "The Kafka child JVM exited with code " + process.exitValue() + " before it was ready."
                    + " Log " + logFile + ":\n" + tail;
            if (tail.contains("Address already in use")) {
                throw new PortTakenException(message);
            }
            throw new IllegalStateException(message);
        }
    }

    private void checkDeadline(long deadline, Duration timeout) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka did not answer on " + bootstrapServers() + " within " + timeout
                    + " (raise -Dencounters.kafka.startTimeoutSeconds on a busy machine). Log " + logFile + ":\n"
                    + JavaProcess.tail(logFile, 40));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The broker's working directory: data, generated config and (in throwaway mode) the log. */
    public Path directory() {
        return workDir;
    }

    /** From launching the child JVM until the broker answered describeCluster. */
    public Duration startTime() {
        return startTime;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * A throwaway broker is killed at once (its data is about to be deleted anyway); a persistent one shuts down
     * cleanly so the next start needs no log recovery.
     */
    @Override
    public void close() {
        if (throwaway) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteRecursively(workDir);
        } else {
            JavaProcess.stop(process, PERSISTENT_STOP_GRACE);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover temp directory is harmless; failing a test run over it is not.
        }
    }

    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    private static final String LOGBACK_WARN = """
            <configuration>
              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="out"/></root>
            </configuration>
            """;
}
