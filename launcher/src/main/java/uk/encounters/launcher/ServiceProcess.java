package uk.encounters.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.encounters.infra.JavaProcess;

/** One service running from its runnable jar in a child JVM that exits when this JVM lets go of its stdin. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int port;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(Service service, int port, Path logFile, Process process) {
        this.service = service;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    static ServiceProcess start(Service service, Path jar, int port, Map<String, String> environment,
            List<String> jvmOptions, Path workingDir, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(JavaProcess.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(JavaProcess.quietJvmOptions());
        command.add("-cp");
        command.add(jar.toAbsolutePath() + java.io.File.pathSeparator + wrapperLocation());
        command.add(ParentWatchingMain.class.getName());
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            return new ServiceProcess(service, port, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.module() + ": " + command, e);
        }
    }

    /** Where {@link ParentWatchingMain} lives: the launcher's classes directory or jar, nothing else of ours. */
    private static Path wrapperLocation() {
        try {
            return Path.of(ParentWatchingMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    /** Waits for readiness: UP only once the context is refreshed and runners have completed. */
    void awaitReady(long deadlineNanos, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                        + " before it was ready. Log " + logFile + ":\n" + JavaProcess.tail(logFile, 60));
            }
            if (isUp(request)) {
                return;
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(service.module() + " did not report readiness UP at "
                        + request.uri() + " within " + timeout + ". Log " + logFile + ":\n"
                        + JavaProcess.tail(logFile, 60));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + service.module(), e);
            }
        }
    }

    private static boolean isUp(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Service service() {
        return service;
    }

    Path logFile() {
        return logFile;
    }

    Process process() {
        return process;
    }

    /** Closing stdin lets the service run Spring's graceful shutdown; SIGTERM and SIGKILL follow if it hangs. */
    @Override
    public void close() {
        JavaProcess.stop(process, STOP_GRACE);
    }
}
