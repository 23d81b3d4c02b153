package uk.encounters.launcher.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.launcher.IdentityTokens.SignIn;
import uk.encounters.launcher.RepoRoot;

/**
 * How long the portal's main pages take for the demo hub (20 schools, about 15,000 pupils, 1,500 encounters), against
 * the platform the run command started ({@code ./mvnw -Pstart}, portal at {@code -Dportal.url}, default
 * http://127.0.0.1:8084). Per page, the median and 90th percentile over {@value #RUNS} loads after two warm-up
 * loads, of the time to the first byte (the portal's own work: its calls to the services and rendering) and to the
 * load event (with the browser's work). Also saves the README's screenshots of the demo hub in
 * {@code target/portal-screenshots/demo-*.png}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*Benchmark.*")
class PortalPagesBenchmark {

    private static final int RUNS = 15;

    @Test
    void theDemoHubsPagesForEachRole() throws IOException {
        Browser.assumeAvailable();
        Path data = RepoRoot.find().resolve("data");
        Properties hub = load(data.resolve("demo-hub.properties"));
        Properties accounts = load(data.resolve("demo-accounts.properties"));
        URI portal = URI.create(System.getProperty("portal.url", "http://127.0.0.1:8084"));
        Map<String, String> results = new LinkedHashMap<>();

        String employer = "employer." + hub.getProperty("employer");
        measure(portal, account(accounts, "leader." + hub.getProperty("schoolId")), results, "careers-leader",
                "/school", "/school/at-risk?measure=GB6_BY_16", "/school/shout-outs", "/school/encounters",
                "/school/encounters/new", "/school/roll");
        measure(portal, account(accounts, employer), results, "employer", "/employer", "/employer/offers",
                "/employer/encounters");
        // The README's hub screenshot is last year's 31 July census, where the demo's shares of schools fully
        // achieving are between none and all; early in a year they are still 0%.
        int lastYear = AcademicYears.startYear(AcademicYears.containing(LocalDate.now())) - 1;
        String census = "/hub?academicYear=" + AcademicYears.of(lastYear) + "&asOf=" + LocalDate.of(lastYear + 1, 7, 31);
        measure(portal, account(accounts, "coordinator." + hub.getProperty("hubId")), results, "hub-coordinator",
                census, "/hub", "/hub/demand", "/hub/schools/" + hub.getProperty("schoolId"));

        System.out.println("page | first byte p50 / p90 ms | load p50 / p90 ms");
        results.forEach((page, line) -> System.out.println(page + " | " + line));
        assertThat(results).hasSize(13);
    }

    private static void measure(URI portal, SignIn account, Map<String, String> results, String role,
                                String... pages) {
        try (Browser browser = Browser.open(portal)) {
            browser.signIn(account);
            for (String page : pages) {
                List<Double> firstByte = new ArrayList<>();
                List<Double> load = new ArrayList<>();
                for (int run = 0; run < RUNS + 2; run++) {
                    browser.go(page);
                    browser.find("h1");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> timing = (Map<String, Object>) browser.driver().executeScript(
                            "const n = performance.getEntriesByType('navigation')[0];"
                                    + "return {firstByte: n.responseStart - n.requestStart, load: n.loadEventEnd - n.startTime};");
                    if (run >= 2) {
                        firstByte.add(((Number) timing.get("firstByte")).doubleValue());
                        load.add(((Number) timing.get("load")).doubleValue());
                    }
                }
                results.put(page, "%.0f / %.0f | %.0f / %.0f".formatted(percentile(firstByte, 50),
                        percentile(firstByte, 90), percentile(load, 50), percentile(load, 90)));
                if (page.equals(pages[0])) {
                    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
                    browser.go(page);
                    browser.find("h1");
                    // Lazily loaded parts (the hub's trend and employers) have arrived and their charts are drawn.
                    browser.await().until(d -> (Boolean) browser.driver().executeScript(
                            "return document.querySelectorAll('.htmx-request').length === 0"
                                    + " && [...document.querySelectorAll('canvas[data-chart]')]"
                                    + ".every(c => c.dataset.drawn);"));
                    browser.screenshot("demo-" + role);
                }
            }
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static SignIn account(Properties accounts, String key) {
        return new SignIn(accounts.getProperty(key + ".email"), accounts.getProperty(key + ".password"));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        }
        return p;
    }
}
