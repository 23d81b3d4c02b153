package uk.encounters.launcher;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The last lines of a local start: the portal's address, the demo hub's three kinds of account to sign in with, and,
 * on a desktop, the portal opened in the default browser.
 */
final class PortalWelcome {

    /** {@code -Dopen=false} (or {@code ENCOUNTERS_OPEN_BROWSER=false}) leaves the browser closed. */
    static final String OPEN_PROPERTY = "encounters.open";

    private PortalWelcome() {
    }

    static void print(PrintStream out, URI portal, Path dataDir, IdentityTokens tokens) {
        out.println();
        out.println("Portal: " + portal + "  (careers leaders, employers and hub coordinators sign in here)");
        Properties hub = read(dataDir.resolve("demo-hub.properties"));
        if (tokens != null && hub != null) {
            String hubId = hub.getProperty("hubId");
            String schoolId = hub.getProperty("schoolId");
            String employer = hub.getProperty("employer", "demo-employer-001");
            out.println("  Demo accounts (all of them in " + dataDir.getFileName() + "/" + IdentityTokens.ACCOUNTS_FILE
                    + "):");
            try {
                line(out, "hub coordinator of " + hub.getProperty("hubName", hubId), tokens.coordinatorSignIn(hubId));
                line(out, "careers leader of " + hub.getProperty("schoolName", schoolId),
                        tokens.careersLeaderSignIn(hubId, schoolId));
                line(out, "employer " + employer, tokens.employerSignIn(employer));
            } catch (RuntimeException e) {
                out.println("  (the demo accounts are not ready: " + e.getMessage() + ")");
            }
        }
        if (!"false".equalsIgnoreCase(System.getProperty(OPEN_PROPERTY, System.getenv()
                .getOrDefault("ENCOUNTERS_OPEN_BROWSER", "true")))) {
            open(portal);
        }
    }

    private static void line(PrintStream out, String who, IdentityTokens.SignIn account) {
        out.printf("    %-48s %s   password %s%n", who, account.email(), account.password());
    }

    /** Best effort: a server or a terminal without a desktop simply has the address printed above. */
    private static void open(URI portal) {
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(portal);
            }
        } catch (IOException | RuntimeException e) {
            // Nothing to open it with; the address is printed.
        }
    }

    private static Properties read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
