package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

    @TempDir
    Path temp;

    @Test
    void theNearestFolderWithMvnwAboveTheWorkingDirectoryIsTheRoot() throws Exception {
        Path root = Files.createDirectories(temp.resolve("repo"));
        Files.writeString(root.resolve("mvnw"), "#!/bin/sh\n");
        Path module = Files.createDirectories(root.resolve("launcher/src/main"));

        assertThat(RepoRoot.findFrom(module)).isEqualTo(root);
        assertThat(RepoRoot.findFrom(root)).isEqualTo(root);
    }

    @Test
    void withoutMvnwAnywhereTheErrorSaysHowToNameTheRoot() throws Exception {
        Path nowhere = Files.createDirectories(temp.resolve("a/b"));
        // /tmp and / hold no mvnw on any sane machine, so the walk reaches the top.
        assertThatThrownBy(() -> RepoRoot.findFrom(nowhere))
                .hasMessageContaining("No folder with mvnw at or above " + nowhere)
                .hasMessageContaining("-Dencounters.root=");
    }

    @Test
    void thisRepositoryIsFoundFromTheModuleDirectory() {
        // Surefire runs in launcher/, one level below the reactor root.
        Path root = RepoRoot.findFrom(Path.of("").toAbsolutePath());
        assertThat(root.resolve("mvnw")).isRegularFile();
        assertThat(root.resolve("launcher").resolve("pom.xml")).isRegularFile();
    }
}
