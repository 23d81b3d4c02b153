package uk.encounters.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Helpers for starting child JVMs that share this JVM's java binary and classpath. */
public final class JavaProcess {

    private JavaProcess() {
    }

    /** The java binary of the running JVM, so children run on the same JDK the build chose. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * This JVM's classpath with manifest-only jars expanded: surefire (and some IDEs) start tests from a booter jar
     * whose manifest Class-Path lists the real entries, and that jar is deleted when the test JVM ends.
     */
    public static List<String> classpathOfThisJvm() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                addExpanded(Path.of(entry).toAbsolutePath(), entries);
            }
        }
        return new ArrayList<>(entries);
    }

    private static void addExpanded(Path entry, Set<String> entries) {
        if (!entries.add(entry.toString()) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return;
            }
            for (String ref : classPath.trim().split("\\s+")) {
                URI resolved = entry.toUri().resolve(ref);
                if ("file".equals(resolved.getScheme())) {
                    addExpanded(Path.of(resolved), entries);
                }
            }
        } catch (IOException e) {
            // Not a readable jar: keep the entry as it is and let the child JVM complain if it matters.
        }
    }

    /**
     * Writes a java @argfile holding the classpath: a Spring Boot test classpath can exceed what one command-line
     * argument may hold, and an argfile also keeps `ps` output readable.
     */
    public static Path classpathArgFile(List<String> classpath, Path file) {
        StringBuilder quoted = new StringBuilder("-cp \"");
        String joined = String.join(java.io.File.pathSeparator, classpath);
        quoted.append(joined.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, quoted, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    /** Options that keep Java 23+ quiet about libraries still using sun.misc.Unsafe and native access. */
    public static List<String> quietJvmOptions() {
        List<String> options = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** A port nobody listens on right now; a race with another process is possible, so callers retry on bind errors. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** True if the port can be bound on the loopback address. */
    public static boolean isPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True if something accepts TCP connections on the loopback port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of a log file, for error messages; empty text when there is no file yet. */
    public static String tail(Path logFile, int lines) {
        if (logFile == null || !Files.isRegularFile(logFile)) {
            return "(no log at " + logFile + ")";
        }
        try (InputStream in = Files.newInputStream(logFile)) {
            List<String> all = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Stops a child: first politely (closing its stdin is the agreed signal), then SIGTERM, then SIGKILL. */
    public static void stop(Process process, java.time.Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The pipe is already gone, which the child reads as the same signal.
        }
        try {
            if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
