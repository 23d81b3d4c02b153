package uk.encounters.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the reactor root, where the services' runnable jars and the {@code data/} directory live. */
public final class RepoRoot {

    public static final String PROPERTY = "encounters.root";

    private RepoRoot() {
    }

    /** {@code -Dencounters.root} if given, otherwise the nearest folder holding {@code mvnw}, from the working dir up. */
    public static Path find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " is not a directory");
            }
            return root;
        }
        return findFrom(Path.of(System.getProperty("user.dir")));
    }

    static Path findFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No folder with mvnw at or above " + start.toAbsolutePath()
                + "; run from inside the repository or pass -D" + PROPERTY + "=<repository root>");
    }
}
