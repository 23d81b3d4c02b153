package uk.encounters.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarFile;

/**
 * First main class of every service JVM: watches stdin and exits (running the app's shutdown hooks) when it closes,
 * then hands over to the jar's own {@code Main-Class} (Spring Boot's JarLauncher). The launcher holds the other end
 * of stdin, and the operating system closes it when the launcher dies however it dies, so a killed launcher or
 * {@code mvnw} leaves no orphaned services behind. The services themselves need no code for this.
 *
 * <p>Usage: {@code java -cp <app.jar>:<this class's location> uk.encounters.launcher.ParentWatchingMain <app.jar>
 * [args]}. The app jar must come first on the classpath: JarLauncher finds its archive from its own location.
 * Uses JDK classes only, because nothing else of the launcher is on that classpath.
 */
public final class ParentWatchingMain {

    private ParentWatchingMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: ParentWatchingMain <app.jar> [args]");
            System.exit(2);
        }
        Thread watcher = new Thread(ParentWatchingMain::exitWhenStdinCloses, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        String mainClass = mainClassOf(Path.of(args[0]));
        Method main = Class.forName(mainClass).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String mainClassOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String mainClass = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Main-Class");
            if (mainClass == null) {
                throw new IllegalStateException(jar + " has no Main-Class in its manifest; is it the -exec jar?");
            }
            return mainClass;
        }
    }

    private static void exitWhenStdinCloses() {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) != -1) {
                // Only the end of the stream carries meaning.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone, like end of stream.
        }
        System.exit(0);
    }
}
