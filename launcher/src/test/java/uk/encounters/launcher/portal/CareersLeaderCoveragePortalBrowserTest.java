package uk.encounters.launcher.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.launcher.PublicApi;
import uk.encounters.launcher.RollFile;
import uk.encounters.launcher.Service;
import uk.encounters.launcher.demo.Upns;

/**
 * The careers leader's coverage in a real browser against the running platform. The hub's 11-16 school has two pupils
 * in each of Years 7 to 11 ({@link PortalHub}); three encounters are recorded through the API, today:
 * <pre>
 *  fair   CAREERS_FAIR GB5, REFLECTION not met      Chloe Davies (Y8)                        not meaningful
 *  talk   CAREERS_TALK GB5                           Amira Khan, Ben Carter (Y7), Isla Jones (Y11)  meaningful
 *  visit  WORKPLACE_VISIT GB6, 3 hours               Jack Kowalski (Y11)                      meaningful
 * </pre>
 * So GB5 is met by 3 of 10 (30.0%): Year 7 2/2, Year 8 0/2, Year 11 1/2; GB6 by 16 in Year 11 is 1/2; the pupils
 * still to reach GB5 are the seven others, and Isla Jones is the one Year 11 pupil still to reach GB6 by 16.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CareersLeaderCoveragePortalBrowserTest {

    private static PortalHub hub;
    private static String talk;

    @BeforeAll
    static void aSchoolWithThreeEncounters() {
        Browser.assumeAvailable();
        hub = PortalHub.create("Coverage");
        LocalDate today = LocalDate.now(PortalHub.ENGLAND);
        FrameworkVersion framework = FrameworkVersion.forAcademicYear(hub.academicYear);
        hub.leader().recordEncounter(encounter("CAREERS_FAIR", Benchmark.GB5, today, "2",
                checklist(framework, Benchmark.GB5, ChecklistItem.REFLECTION), "Chloe Davies"));
        talk = hub.leader().recordEncounter(encounter("CAREERS_TALK", Benchmark.GB5, today, "1.5",
                checklist(framework, Benchmark.GB5), "Amira Khan", "Ben Carter", "Isla Jones"));
        hub.leader().recordEncounter(encounter("WORKPLACE_VISIT", Benchmark.GB6, today, "3",
                checklist(framework, Benchmark.GB6), "Jack Kowalski"));
        // The visit is the school's last encounter event and the roll came before all three, so once reporting counts
        // the visit and the talk it has everything the pages show.
        await().atMost(PublicApi.PATIENCE).untilAsserted(() -> {
            JsonNode coverage = hub.leader().get(Service.REPORTING, "/api/v1/schools/" + hub.schoolId + "/coverage");
            assertThat(coverage.get("gb5").get("met").asInt()).isEqualTo(3);
            assertThat(coverage.get("gb6By16").get("met").asInt()).isEqualTo(1);
        });
    }

    @Test
    @Order(1)
    void theHeatmapLeadsToTheEvidenceTheNamedPupilsStillToReachAMeasureAndTheirEncounters() {
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.leaderSignIn());
            assertThat(browser.path()).isEqualTo("/school");
            assertThat(browser.heading()).isEqualTo(hub.schoolName);
            assertThat(cell(browser, 7, 1)).isEqualTo("2/2\n100.0%");
            assertThat(cell(browser, 8, 1)).isEqualTo("0/2\n0.0%");
            assertThat(cell(browser, 11, 1)).isEqualTo("1/2\n50.0%");
            assertThat(cell(browser, 11, 2)).isEqualTo("1/2\n50.0%");
            assertThat(cell(browser, 11, 3)).as("by 18 is not measured in Year 11").startsWith("–");
            assertThat(browser.find(".headlines .stat").getText()).contains("30.0%", "3 of 10");
            assertThat(browser.find("main .lede").getText()).contains(hub.academicYear, "as of");
            browser.assertAccessible("the coverage dashboard").assertFitsPhone("the coverage dashboard");
            // Tall enough for the README's picture to hold the headline measures, the heatmap and its key.
            browser.driver().manage().window().setSize(new Dimension(1280, 1500));
            browser.screenshot("careers-leader");
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));

            // A census date is one click away and changes the date the figures describe.
            WebElement march = browser.driver().findElement(By.partialLinkText("31 March"));
            String marchDate = march.getText().replace(" (to come)", "");
            march.click();
            browser.awaitText("main .lede", "as of " + marchDate);
            assertThat(browser.driver().getCurrentUrl()).contains("asOf=");
            browser.go("/school");

            // A cell leads to the encounters behind its figure and the pupils they counted for.
            browser.driver().findElement(By.xpath(cellPath(7, 1) + "/a")).click();
            browser.awaitText("h1", "Evidence for GB5, Year 7");
            WebElement evidence = browser.find("main");
            assertThat(evidence.getText()).contains("Careers talk", "Meaningful", "Amira Khan", "Ben Carter")
                    .doesNotContain("Careers fair", "Isla Jones");
            assertThat(browser.all("a[href$='/school/encounters/" + talk + "']")).isNotEmpty();
            browser.assertAccessible("the evidence of a figure").screenshot("careers-leader-evidence");

            // Hours are kept per pupil: their cell leads to the year group's pupils, each one click from their hours.
            browser.go("/school");
            browser.driver().findElement(By.xpath(cellPath(11, 4) + "/a")).click();
            browser.awaitText("h1", "Work-experience hours, Year 11");
            assertThat(browser.all("main tbody tr td:first-child a")).extracting(WebElement::getText)
                    .containsExactly("Jones, Isla", "Kowalski, Jack");
            browser.assertAccessible("a year group's hours");

            // The pupils still to reach GB5, by name, grouped by year group and sorted by surname.
            browser.go("/school");
            browser.driver().findElement(By.partialLinkText("still to reach it")).click();
            browser.awaitText("h1", "Pupils still to reach GB5");
            assertThat(browser.find(".at-risk-total").getText()).startsWith("7 pupils");
            assertThat(names(browser, 8)).containsExactly("Davies, Chloe", "Evans, Dylan");
            assertThat(names(browser, 9)).containsExactly("Fraser, Ella", "Green, Finn");
            assertThat(names(browser, 10)).containsExactly("Hughes, Grace", "Iqbal, Harry");
            assertThat(names(browser, 11)).containsExactly("Kowalski, Jack");
            assertThat(browser.find("main").getText()).doesNotContain("Khan", "Carter", "Jones");
            browser.assertAccessible("the at-risk list").assertFitsPhone("the at-risk list")
                    .screenshot("careers-leader-at-risk");

            browser.driver().findElement(By.linkText("GB6 experience of a workplace by 16")).click();
            browser.awaitText("h1", "Pupils still to reach GB6 by 16");
            assertThat(names(browser, 11)).containsExactly("Jones, Isla");

            // The pupil's page: their encounters per measure, each linking to the encounter.
            browser.driver().findElement(By.linkText("Jones, Isla")).click();
            browser.awaitText("h1", "Isla Jones");
            String pupil = browser.find("main").getText();
            assertThat(pupil).contains("Year 11", "Careers talk", "Meaningful", "Not yet met");
            assertThat(browser.all("a[href$='/school/encounters/" + talk + "']")).hasSize(1);
            browser.assertAccessible("a pupil's coverage").screenshot("careers-leader-pupil");
        }
    }

    @Test
    @Order(2)
    void aRollWithBadLinesIsRefusedWholeAndAGoodOneEnrolsTheNewPupil() throws IOException {
        List<String[]> roll = currentRoll();
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.leaderSignIn());
            browser.go("/school/roll");
            browser.awaitText("#roll-summary", "10 pupils");
            browser.assertAccessible("the roll page");

            // Line 3's UPN has the wrong check letter; line 4 is in Year 12, which this 11-16 school does not teach.
            StringBuilder bad = new StringBuilder(header());
            String[] first = roll.get(0);
            bad.append(line(first)).append('\n');
            String[] second = roll.get(1).clone();
            second[0] = wrongCheckLetter(second[0]);
            bad.append(line(second)).append('\n');
            String[] third = roll.get(2).clone();
            third[4] = "12";
            bad.append(line(third)).append('\n');
            upload(browser, bad.toString(), "bad-roll");
            browser.awaitText("#roll-result", "The roll was not uploaded");
            assertThat(browser.find("#file").getDomProperty("value"))
                    .as("htmx swapped the answer into the page, which kept the chosen file").contains("bad-roll");
            List<List<String>> problems = new ArrayList<>();
            for (WebElement row : browser.all(".roll-errors tbody tr")) {
                problems.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
            }
            assertThat(problems).hasSize(2);
            assertThat(problems.get(0)).startsWith("3", "UPN", "The UPN's check letter does not match its digits;"
                    + " check it for a typing error.");
            assertThat(problems.get(1)).startsWith("4", "YearGroup", "This school does not teach Year 12; it teaches"
                    + " Years 7 to 11.");
            assertThat(browser.find("#roll-result").getText()).contains("Nothing in the file was applied");
            browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find("#roll-result"));
            browser.assertAccessible("the roll's line errors").screenshot("careers-leader-roll-errors");
            assertThat(hub.leader().get(Service.SCHOOL, "/api/v1/schools/" + hub.schoolId + "/pupils"))
                    .as("the roll is unchanged").hasSize(10);
            browser.go("/school/roll");
            assertThat(browser.find("#roll-summary").getText()).contains("10 pupils");

            // The whole roll again with one pupil more: Kai Lewis joins Year 9.
            StringBuilder good = new StringBuilder(header());
            roll.forEach(p -> good.append(line(p)).append('\n'));
            good.append(String.join(",", Upns.of(805, 4001, 16, 99), "Kai", "Lewis", "2012-02-03", "9", "M", "N", "N",
                    LocalDate.now(PortalHub.ENGLAND).toString(), "")).append('\n');
            upload(browser, good.toString(), "good-roll");
            browser.awaitText("#roll-result", "Roll uploaded for " + hub.academicYear);
            assertThat(stat(browser, "enrolled")).isEqualTo("1");
            assertThat(stat(browser, "unchanged")).isEqualTo("10");
            assertThat(stat(browser, "left")).isEqualTo("0");
            // school-service's roll view takes the upload in within moments; the page shows it once it has.
            browser.await().until(d -> {
                d.navigate().refresh();
                return d.findElement(By.id("roll-summary")).getText().contains("11 pupils");
            });
            assertThat(browser.find("#roll-summary tbody").getText()).contains("Year 9 3");
        }
    }

    /** A heatmap cell's text: column 1 GB5, 2 GB6 by 16, 3 GB6 by 18, 4 hours. */
    private static String cell(Browser browser, int yearGroup, int column) {
        return browser.driver().findElement(By.xpath(cellPath(yearGroup, column))).getText();
    }

    private static String cellPath(int yearGroup, int column) {
        return "//table[contains(@class,'heatmap--years')]//tr[th[normalize-space()='Year " + yearGroup + "']]/td["
                + column + "]";
    }

    private static List<String> names(Browser browser, int yearGroup) {
        return browser.all("section[aria-labelledby='year-" + yearGroup + "'] tbody tr td:first-child a").stream()
                .map(WebElement::getText).toList();
    }

    private static String stat(Browser browser, String label) {
        return browser.driver().findElement(By.xpath("//ul[contains(@class,'roll-result')]/li[span[@class='stat__label'"
                + " and text()='" + label + "']]/span[@class='stat__value']")).getText();
    }

    private static void upload(Browser browser, String csv, String name) throws IOException {
        Path file = Files.createTempFile(name, ".csv");
        Files.writeString(file, csv);
        file.toFile().deleteOnExit();
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.find("form.roll-upload button[type=submit]").click();
    }

    /** The roll as school-service holds it, as CSV cells in RollFile's column order. */
    private static List<String[]> currentRoll() {
        List<String[]> lines = new ArrayList<>();
        for (JsonNode p : hub.leader().get(Service.SCHOOL, "/api/v1/schools/" + hub.schoolId + "/pupils")) {
            lines.add(new String[] {p.get("upn").asString(), p.get("forename").asString(),
                    p.get("surname").asString(), p.get("dateOfBirth").asString(),
                    String.valueOf(p.get("yearGroup").asInt()), p.get("gender").asString().substring(0, 1),
                    switch (p.get("sen").asString()) {
                        case "SEN_SUPPORT" -> "K";
                        case "EHC_PLAN" -> "E";
                        default -> "N";
                    },
                    p.get("pupilPremium").asBoolean() ? "Y" : "N", p.get("admissionDate").asString(), ""});
        }
        assertThat(lines).hasSize(10);
        return lines;
    }

    private static String header() {
        String csv = new RollFile().csv();
        return csv.substring(0, csv.indexOf('\n') + 1).replace(",CurriculumArea", "");
    }

    private static String line(String[] cells) {
        return String.join(",", cells);
    }

    private static String wrongCheckLetter(String upn) {
        return (upn.charAt(0) == 'A' ? "B" : "A") + upn.substring(1);
    }

    private static Map<String, Object> encounter(String activityType, Benchmark benchmark, LocalDate date,
                                                 String hours, Map<String, Boolean> checklist, String... pupils) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", hub.schoolId);
        body.put("employerId", hub.employerId());
        body.put("activityType", activityType);
        body.put("benchmarks", List.of(benchmark.name()));
        body.put("date", date.toString());
        body.put("hours", new BigDecimal(hours));
        body.put("mode", "IN_PERSON");
        body.put("attendees", Arrays.stream(pupils).map(hub.pupils::get).toList());
        body.put("checklist", checklist);
        return body;
    }

    /** Every item the benchmark needs under the framework, answered true except those named. */
    private static Map<String, Boolean> checklist(FrameworkVersion framework, Benchmark benchmark,
                                                  ChecklistItem... unmet) {
        Set<ChecklistItem> notMet = unmet.length == 0 ? Set.of() : EnumSet.of(unmet[0], unmet);
        Map<String, Boolean> answers = new LinkedHashMap<>();
        ChecklistItem.required(benchmark, framework).forEach(item -> answers.put(item.name(), !notMet.contains(item)));
        return answers;
    }
}
