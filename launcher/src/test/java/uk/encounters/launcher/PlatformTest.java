package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.encounters.infra.JavaProcess;

/**
 * The process machinery of {@link Platform} against fake "-exec" jars whose main class answers readiness, so it runs
 * before the real services exist. The real services are exercised by the end-to-end tests.
 */
class PlatformTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @BeforeEach
    void fakeJars() throws Exception {
        for (Service service : Service.values()) {
            Path target = Files.createDirectories(root.resolve(service.module()).resolve("target"));
            writeFakeJar(target.resolve(service.module() + "-0.0.1-exec.jar"));
        }
    }

    @Test
    void startsEveryServiceWithTheInfrastructureInItsEnvironmentAndStopsThemOnClose() throws Exception {
        Platform platform = Platform.start("127.0.0.1:19092", "mongodb://127.0.0.1:27999", root,
                PlatformPorts.free(), root.resolve("logs"), Map.of());
        List<ProcessHandle> processes;
        try {
            processes = List.of(Service.values()).stream()
                    .map(service -> ProcessHandle.of(platform.pid(service)).orElseThrow()).toList();
            for (Service service : Service.values()) {
                assertThat(get(platform.baseUrl(service).resolve("/env")))
                        .isEqualTo("127.0.0.1:19092|mongodb://127.0.0.1:27999|true");
                assertThat(platform.logFile(service)).content().contains("fake service listening");
            }
        } finally {
            platform.close();
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aServiceExitsOnItsOwnWhenTheLauncherLetsGoOfItsStdin() throws Exception {
        // What happens when the launcher is killed: the OS closes the pipe; here we close it by hand.
        Path jar = root.resolve("school-service/target/school-service-0.0.1-exec.jar");
        ServiceProcess service = ServiceProcess.start(Service.SCHOOL, jar, JavaProcess.freePort(), Map.of(),
                List.of("-Xmx32m"), root, root.resolve("school.log"));
        service.awaitReady(System.nanoTime() + Duration.ofSeconds(60).toNanos(), Duration.ofSeconds(60));

        service.process().getOutputStream().close();

        await().atMost(Duration.ofSeconds(20)).until(() -> !service.process().isAlive());
        assertThat(service.process().exitValue()).isZero();
    }

    @Test
    void aServiceThatDiesDuringStartUpFailsTheStartWithItsLogTail() {
        PlatformPorts ports = PlatformPorts.free();
        assertThatThrownBy(() -> Platform.start("k:1", "mongodb://m", root, ports, root.resolve("logs"),
                Map.of("FAKE_FAIL", "true")))
                .hasMessageContaining("identity-service exited with code 3 before it was ready")
                .hasMessageContaining("cannot reach the moon");
        assertThat(List.of(Service.values())).allMatch(service -> JavaProcess.isPortFree(ports.of(service)));
    }

    @Test
    void aTakenPortStopsTheStartBeforeAnythingRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            PlatformPorts ports = new PlatformPorts(JavaProcess.freePort(), JavaProcess.freePort(), port,
                    JavaProcess.freePort(), JavaProcess.freePort());
            assertThatThrownBy(() -> Platform.start("k:1", "mongodb://m", root, ports, root.resolve("logs"),
                    Map.of()))
                    .hasMessageContaining("Port " + port + " for encounter-service is in use");
        }
        assertThat(root.resolve("logs")).doesNotExist();
    }

    private static String get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void writeFakeJar(Path jar) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }
}
