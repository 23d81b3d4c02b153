package uk.encounters.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Cheap signs that a Docker-compatible daemon may be configured: the places Testcontainers looks first. Used only to
 * avoid asking Testcontainers on machines with none of them; a daemon elsewhere is still found when
 * {@code ENCOUNTERS_INFRA=containers} is set or by a {@code DOCKER_HOST} variable.
 */
final class DockerHints {

    private DockerHints() {
    }

    static boolean anyPresent(Map<String, String> env) {
        if (isSet(env.get("DOCKER_HOST")) || isSet(env.get("TESTCONTAINERS_HOST_OVERRIDE"))) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> candidates = new java.util.ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".testcontainers.properties"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (isSet(runtimeDir)) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
