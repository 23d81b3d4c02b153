package uk.encounters.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Locates the runnable jars ({@code <root>/<service>/target/<service>-<version>-exec.jar}). */
public final class ServiceJars {

    /** The project version; the run profile passes it. Without it, the newest matching jar wins. */
    public static final String VERSION_PROPERTY = "encounters.version";
    static final String BUILD_COMMAND =
            "./mvnw -B -DskipTests package -pl identity-service,school-service,encounter-service,reporting-service -am";

    private ServiceJars() {
    }

    /** Every service's jar, or one error that names every missing jar and the command that builds them. */
    public static Map<Service, Path> locate(Path root) {
        return locate(root, Optional.ofNullable(System.getProperty(VERSION_PROPERTY)).filter(v -> !v.isBlank()));
    }

    static Map<Service, Path> locate(Path root, Optional<String> version) {
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            Optional<Path> jar = find(root, service, version);
            if (jar.isPresent()) {
                jars.put(service, jar.get());
            } else {
                missing.add(root.resolve(service.module()).resolve("target")
                        .resolve(service.module() + "-" + version.orElse("<version>") + "-exec.jar").toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing runnable jar" + (missing.size() > 1 ? "s" : "") + ":\n  "
                    + String.join("\n  ", missing) + "\nBuild them first, from " + root + ":\n  " + BUILD_COMMAND
                    + "\n(or run everything with ./mvnw -Pstart)");
        }
        return jars;
    }

    private static Optional<Path> find(Path root, Service service, Optional<String> version) {
        Path target = root.resolve(service.module()).resolve("target");
        if (version.isPresent()) {
            Path jar = target.resolve(service.module() + "-" + version.get() + "-exec.jar");
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        }
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        String prefix = service.module() + "-";
        try (Stream<Path> files = Files.list(target)) {
            // Several versions can sit in target/ after a version bump without a clean: take the newest build.
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().startsWith(prefix)
                            && file.getFileName().toString().endsWith("-exec.jar"))
                    .max(Comparator.comparing(ServiceJars::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + target, e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
