package uk.encounters.infra;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Main class of the child JVM started by {@link EmbeddedKafka}: formats the log directory on first use, runs a
 * combined broker and controller in this JVM and stops when its stdin closes. The stdin rule ties the broker's life to
 * the parent's: when the parent dies, even by SIGKILL, the operating system closes the pipe.
 *
 * <p>Not {@code kafka.Kafka} itself because that calls {@code System.exit} on its own schedule and knows nothing of
 * the parent.
 */
public final class KafkaBrokerMain {

    /** Second argument for throwaway brokers: a parent killed by SIGKILL cannot delete the temp directory itself. */
    static final String DELETE_DIRECTORY_ON_EXIT = "--delete-directory-on-exit";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: KafkaBrokerMain <server.properties> [" + DELETE_DIRECTORY_ON_EXIT + "]");
            Runtime.getRuntime().halt(2);
        }
        Path config = Path.of(args[0]);
        KafkaRaftServer server;
        try {
            Properties properties = load(config);
            formatIfNeeded(config, properties);
            server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
        } catch (Throwable e) {
            // halt, not exit: shutdown hooks would try to stop a half-started server and can hang.
            System.err.println("Kafka broker failed to start: " + e);
            e.printStackTrace(System.err);
            System.err.flush();
            Runtime.getRuntime().halt(1);
            return;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                server.shutdown();
                server.awaitShutdown();
                System.out.println("Kafka broker stopped");
                System.out.flush();
            }
        };
        // SIGTERM (Process.destroy) gets the same clean shutdown as a closed stdin.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "kafka-broker-shutdown"));
        System.out.println("Kafka broker started from " + config);
        System.out.flush();
        awaitStdinClosed();
        stop.run();
        if (args.length == 2 && DELETE_DIRECTORY_ON_EXIT.equals(args[1])) {
            EmbeddedKafka.deleteRecursively(config.toAbsolutePath().getParent());
        }
        System.exit(0);
    }

    private static Properties load(Path config) throws java.io.IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * Formats once: a formatted directory holds meta.properties, and formatting again would fail (or, with a new
     * cluster id, orphan the stored data). StorageTool.execute returns an exit code; only its main calls exit.
     */
    private static void formatIfNeeded(Path config, Properties properties) throws Exception {
        Path logDir = Path.of(properties.getProperty("log.dirs").split(",")[0].trim());
        if (Files.isRegularFile(logDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(logDir);
        PrintStream out = System.out;
        int code = StorageTool.execute(new String[] {
                "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString(),
                "--ignore-formatted"}, out);
        if (code != 0) {
            throw new IllegalStateException("Formatting " + logDir + " failed with exit code " + code);
        }
    }

    private static void awaitStdinClosed() {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) != -1) {
                // Input is ignored; only the end of the stream matters.
            }
        } catch (java.io.IOException e) {
            // A broken pipe means the same as end of stream: the parent is gone.
        }
    }
}
