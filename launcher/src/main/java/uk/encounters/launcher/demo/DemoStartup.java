package uk.encounters.launcher.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;

/**
 * The run command's demo hub: loaded once, on the first start with empty data, and kept after that.
 * <p>
 * A completed load leaves {@code data/demo-hub.properties} (the marker); while it is there, later starts only check
 * through the API that the hub's first school still exists and print how to look at the hub. Without the marker the
 * hub is loaded; ids are fixed, so a load cut short by Ctrl-C simply carries on at the next start.
 * {@code -Ddemo=false} (Maven) turns all of this off, {@code -Ddemo=small} loads the two-school test hub.
 */
public final class DemoStartup {

    /** {@code full} (the default), {@code small}, or {@code false}; the Maven profile passes {@code -Ddemo} here. */
    public static final String PROPERTY = "encounters.demo";
    public static final String SEED_PROPERTY = "encounters.demo.seed";
    public static final String THREADS_PROPERTY = "encounters.demo.threads";
    public static final long DEFAULT_SEED = 1;
    /** The demo's ids start with this: {@code demo-hub}, {@code demo-school-01}, ... */
    public static final String ID_PREFIX = "demo";
    static final String MARKER = "demo-hub.properties";
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    private DemoStartup() {
    }

    /**
     * Never throws: the platform stays up whatever happens to the demo.
     *
     * @param tokens who the loader acts as; null where the run has no way to get tokens (the demo is then skipped)
     */
    public static void run(Path dataDir, DemoTarget target, DemoTokens tokens, PrintStream out) {
        String setting = System.getProperty(PROPERTY, "full").strip().toLowerCase(Locale.ROOT);
        if (setting.equals("false") || setting.equals("off") || setting.equals("no")) {
            out.println("Demo hub: off (-Ddemo=false).");
            return;
        }
        if (tokens == null) {
            out.println("Demo hub: not loaded. The services accept only signed-in callers (bearer tokens), and this"
                    + " run has no admin client of identity-service to get them with.");
            return;
        }
        Path marker = dataDir.resolve(MARKER);
        try {
            Properties loaded = readMarker(marker);
            if (loaded != null && stillThere(target, tokens, loaded)) {
                out.println();
                out.println("Demo hub loaded before (" + loaded.getProperty("loadedAt") + ", "
                        + loaded.getProperty("pupils") + " pupils; marker " + marker + ").");
                printHowToLook(out, target, loaded);
                return;
            }
            if (loaded != null) {
                out.println("The demo hub's marker " + marker + " names a hub the services do not know (other"
                        + " servers, or their data was reset): loading it again.");
            }
            DemoSize size = DemoSize.named(setting);
            long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
            DemoPlan plan = DemoPlan.generate(seed, size, LocalDate.now(SCHOOL_ZONE), ID_PREFIX);
            out.println();
            DemoHubReport report = DemoHub.load(target, tokens, plan, Integer.getInteger(THREADS_PROPERTY,
                    DemoHub.DEFAULT_THREADS), out);
            report.print(out);
            Properties written = marker(plan, report);
            writeMarker(marker, written);
            printHowToLook(out, target, written);
        } catch (DemoLoadException | IllegalArgumentException | UncheckedIOException e) {
            out.println();
            out.println("Demo hub not loaded: " + e.getMessage());
            out.println("The platform is running without it. The next start carries on where this load stopped;"
                    + " -Ddemo=false skips it.");
        }
    }

    private static boolean stillThere(DemoTarget target, DemoTokens tokens, Properties loaded) {
        String schoolId = loaded.getProperty("schoolId");
        DemoApi.Response school = new DemoApi(target).get(DemoApi.Service.SCHOOL,
                "/api/v1/schools/" + schoolId + "/shout-outs", tokens.careersLeader(loaded.getProperty("hubId"),
                schoolId));
        return school.status() == 200;
    }

    static Properties marker(DemoPlan plan, DemoHubReport report) {
        Properties p = new Properties();
        p.setProperty("hubId", plan.hubId());
        p.setProperty("hubName", plan.hubName());
        p.setProperty("size", plan.size().name());
        p.setProperty("seed", Long.toString(plan.seed()));
        p.setProperty("planDate", plan.today().toString());
        p.setProperty("loadedAt", Instant.now().toString());
        p.setProperty("loadSeconds", Long.toString(report.elapsed().toSeconds()));
        p.setProperty("schools", Integer.toString(report.schools()));
        p.setProperty("pupils", Integer.toString(report.pupils()));
        p.setProperty("employers", Integer.toString(report.employers()));
        p.setProperty("encounters", Integer.toString(report.encounters()));
        p.setProperty("schoolId", plan.schools().getFirst().schoolId());
        p.setProperty("schoolName", plan.schools().getFirst().name());
        p.setProperty("employer", plan.employers().getFirst().employerId());
        return p;
    }

    /** Curl lines for each reader, with the token each needs: the hub's coordinator, an employer, the school's staff. */
    static void printHowToLook(PrintStream out, DemoTarget target, Properties hub) {
        String hubId = hub.getProperty("hubId");
        String schoolId = hub.getProperty("schoolId");
        int year = SchoolCalendar.academicYearStart(LocalDate.now(SCHOOL_ZONE));
        String lastYear = "%d/%02d".formatted(year - 1, year % 100);
        String thisYear = "%d/%02d".formatted(year, (year + 1) % 100);
        String coordinator = "curl -s -H \"Authorization: Bearer $COORDINATOR_TOKEN\" '";
        String employer = "curl -s -H \"Authorization: Bearer $EMPLOYER_TOKEN\" '";
        String school = "curl -s -H \"Authorization: Bearer $LEADER_TOKEN\" '";
        out.println("Demo hub \"" + hub.getProperty("hubName") + "\": hubId " + hubId + ", " + hub.getProperty("schools")
                + " schools and colleges (" + schoolId + " is " + hub.getProperty("schoolName") + "). As the hub's"
                + " coordinator, an employer and the school's careers leader (the first two lines get their"
                + " tokens), try:");
        // The loader's accounts each have an integration client (IdentityTokens); a shell function reads one.
        String accounts = "data/demo-accounts.properties";
        out.println("  demo_token() { curl -s -u \"$(sed -n \"s/^$1.clientId=//p\" " + accounts + "):$(sed -n"
                + " \"s/^$1.clientSecret=//p\" " + accounts + ")\" -d grant_type=client_credentials"
                + " localhost:8080/oauth2/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/'; }");
        out.println("  COORDINATOR_TOKEN=$(demo_token coordinator." + hubId + ") LEADER_TOKEN=$(demo_token leader."
                + schoolId + ") EMPLOYER_TOKEN=$(demo_token employer." + hub.getProperty("employer",
                "demo-employer-001") + ")");
        out.println("  " + coordinator + target.reporting() + "/api/v1/hubs/" + hubId
                + "/shout-outs?status=OPEN'   # unmet demand: open shout-outs with offer counts");
        out.println("  " + employer + target.encounter() + "/api/v1/shout-outs?status=OPEN&area=TS'"
                + "   # the employers' board");
        out.println("  " + school + target.school() + "/api/v1/schools/" + schoolId
                + "/shout-outs'   # a school's shout-outs and the offers on them");
        out.println("  " + school + target.school() + "/api/v1/schools/" + schoolId
                + "/pupils'   # its roll (the school's staff only)");
        out.println("  " + coordinator + target.reporting() + "/api/v1/hubs/" + hubId + "/coverage?academicYear="
                + lastYear + "&asOf=" + (year) + "-07-31'   # GB5/GB6 per school at last year's 31 July census");
        out.println("  " + school + target.reporting() + "/api/v1/schools/" + schoolId + "/coverage?academicYear="
                + thisYear + "'   # a school's year groups this year, with breakdowns");
        out.println("  " + school + target.reporting() + "/api/v1/schools/" + schoolId
                + "/at-risk?measure=GB6_BY_16'   # Year 11 pupils (ids) without a workplace experience");
    }

    private static Properties readMarker(Path marker) {
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(marker)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + marker, e);
        }
        return p.getProperty("hubId") == null || p.getProperty("schoolId") == null ? null : p;
    }

    private static void writeMarker(Path marker, Properties p) {
        try {
            Files.createDirectories(marker.getParent());
            try (Writer writer = Files.newBufferedWriter(marker)) {
                p.store(writer, "The demo hub was loaded into this data; delete this file to load it again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }
}
