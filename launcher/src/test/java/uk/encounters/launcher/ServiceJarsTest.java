package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

    @TempDir
    Path root;

    @Test
    void missingJarsAreAllNamedWithTheCommandThatBuildsThem() throws Exception {
        jar("school-service", "school-service-1.0-exec.jar");

        assertThatThrownBy(() -> ServiceJars.locate(root, Optional.of("1.0")))
                .hasMessageContaining("Missing runnable jars")
                .hasMessageContaining(root.resolve("encounter-service/target/encounter-service-1.0-exec.jar").toString())
                .hasMessageContaining(root.resolve("reporting-service/target/reporting-service-1.0-exec.jar").toString())
                .hasMessageNotContaining("school-service-1.0-exec.jar")
                .hasMessageContaining("./mvnw -B -DskipTests package -pl identity-service,school-service,"
                        + "encounter-service,reporting-service -am");
    }

    @Test
    void theGivenVersionPicksExactlyThatJar() throws Exception {
        jar("school-service", "school-service-2.0-exec.jar");
        Path school = jar("school-service", "school-service-1.0-exec.jar");
        Path encounter = jar("encounter-service", "encounter-service-1.0-exec.jar");
        Path reporting = jar("reporting-service", "reporting-service-1.0-exec.jar");
        Path identity = jar("identity-service", "identity-service-1.0-exec.jar");
        Path portal = jar("portal", "portal-1.0-exec.jar");

        assertThat(ServiceJars.locate(root, Optional.of("1.0"))).isEqualTo(Map.of(Service.IDENTITY, identity,
                Service.SCHOOL, school, Service.ENCOUNTER, encounter, Service.REPORTING, reporting,
                Service.PORTAL, portal));
    }

    @Test
    void withoutAVersionTheNewestExecJarWinsAndThePlainJarIsIgnored() throws Exception {
        Path older = jar("school-service", "school-service-1.0-exec.jar");
        Path newer = jar("school-service", "school-service-1.1-exec.jar");
        jar("school-service", "school-service-1.2.jar");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-06-01T00:00:00Z")));
        jar("encounter-service", "encounter-service-1.1-exec.jar");
        jar("reporting-service", "reporting-service-1.1-exec.jar");
        jar("identity-service", "identity-service-1.1-exec.jar");
        jar("portal", "portal-1.1-exec.jar");

        assertThat(ServiceJars.locate(root, Optional.empty())).containsEntry(Service.SCHOOL, newer);
    }

    private Path jar(String module, String name) throws Exception {
        Path target = Files.createDirectories(root.resolve(module).resolve("target"));
        return Files.write(target.resolve(name), new byte[] {1});
    }
}
