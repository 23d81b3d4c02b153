package uk.encounters.launcher.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.launcher.PublicApi;
import uk.encounters.launcher.RollFile;
import uk.encounters.launcher.Service;
import uk.encounters.launcher.SharedPlatform;
import uk.encounters.launcher.demo.Upns;

/**
 * The hub coordinator's portal in a real browser against the running platform: a hub of two schools, set up through
 * the APIs, seen at a glance (schools x benchmarks, shares fully achieving, the trend, employers), exported as CSV,
 * drilled into (no pupil named), its unmet demand, and a new encounter arriving live on the open page.
 * <p>
 * The figures, worked out by hand: the first school (PortalHub's, Years 7-11, two pupils per year) has a careers talk
 * with both Year 7s and both Year 8s, so GB5 is 4 of 10 (40.0%) and GB6 by 16 0 of 2 (Year 11); the second school
 * (Year 10 only) has a talk with both its pupils, so GB5 is 2 of 2 and it fully achieves GB5, while GB6 does not
 * apply to it (no Year 11 or 13). Shares: GB5 1 of 2 schools (50.0%), GB6 0 of 1 (0.0%). The live encounter adds
 * both Year 9s: 6 of 10 (60.0%).
 * The live test runs last: its encounter changes those figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubCoordinatorPortalBrowserTest {

    private static PortalHub hub;
    private static String secondId;
    private static String secondName;
    private static String shoutOutTitle;
    private static String thisYear;
    private static LocalDate today;

    @BeforeAll
    static void aHubOfTwoSchoolsWithEncountersAndAShoutOutWithoutOffers() {
        Browser.assumeAvailable();
        hub = PortalHub.create("Coordinator");
        today = LocalDate.now(PortalHub.ENGLAND);
        thisYear = hub.academicYear;

        // "Aaa" sorts the second school first in the heatmap, whatever the random suffixes.
        secondName = "Aaa Coordinator School " + UUID.randomUUID().toString().substring(0, 8);
        secondId = hub.coordinator().post(Service.SCHOOL, "/api/v1/schools", Map.of("urn", urn(), "name", secondName,
                "type", "SCHOOL", "hubId", hub.hubId, "yearGroups", List.of(10)), 201).get("schoolId").asString();
        PublicApi secondLeader = new PublicApi(SharedPlatform.get())
                .as(() -> SharedPlatform.tokens().careersLeader(hub.hubId, secondId));
        RollFile roll = new RollFile();
        LocalDate firstDay = AcademicYears.firstDay(thisYear);
        for (int i = 1; i <= 2; i++) {
            roll.add(new RollFile.Line(Upns.of(805, 4002, 16, i), "Second" + i, "Pupil",
                    LocalDate.of(AcademicYears.startYear(thisYear) - 14, 5, i), 10, i == 1 ? "F" : "M", "N", false,
                    firstDay.minusYears(3), null, null));
        }
        secondLeader.uploadRoll(secondId, thisYear, roll.csv());
        List<String> secondPupils = new ArrayList<>(secondLeader.pupilIdsByUpn(secondId, 2).values());

        hub.leader().recordEncounter(talk(hub.schoolId, pupils("Amira Khan", "Ben Carter", "Chloe Davies",
                "Dylan Evans")));
        secondLeader.recordEncounter(talk(secondId, secondPupils));

        shoutOutTitle = "Mock interviews for Year 11 " + UUID.randomUUID().toString().substring(0, 4);
        hub.leader().post(Service.SCHOOL, "/api/v1/schools/" + hub.schoolId + "/shout-outs", Map.of(
                "title", shoutOutTitle, "description", "Twenty minutes each, with feedback",
                "activityType", "MOCK_INTERVIEWS", "sectors", List.of("Engineering"), "yearGroups", List.of(11),
                "places", 2, "startDate", today.plusDays(14).toString(), "endDate", today.plusDays(40).toString(),
                "mode", "IN_PERSON"), 201);

        // Reporting-service projects all of it within moments; the pages are then checked against settled figures.
        await().atMost(PublicApi.PATIENCE).untilAsserted(() -> {
            JsonNode coverage = hub.coordinator().get(Service.REPORTING, "/api/v1/hubs/" + hub.hubId + "/coverage");
            assertThat(coverage.get("schools")).extracting(s -> s.get("schoolId").asString() + " "
                    + s.get("gb5").get("met").asInt() + "/" + s.get("gb5").get("onRoll").asInt())
                    .containsExactlyInAnyOrder(hub.schoolId + " 4/10", secondId + " 2/2");
            assertThat(hub.coordinator().get(Service.REPORTING, "/api/v1/hubs/" + hub.hubId + "/shout-outs?status=OPEN"))
                    .extracting(s -> s.get("title").asString()).contains(shoutOutTitle);
        });
    }

    @Test
    @Order(1)
    void theHubAtAGlanceItsCsvASchoolsFiguresAndUnmetDemand() {
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.coordinatorSignIn());
            assertThat(browser.path()).isEqualTo("/hub");
            assertThat(browser.heading()).isEqualTo(hub.hubName);

            // The heatmap: both schools with their figures, the second first (by name).
            List<String> rows = browser.all("#hub-heatmap tbody tr").stream().map(r -> r.getAttribute("data-school-id"))
                    .toList();
            assertThat(rows).containsExactly(secondId, hub.schoolId);
            assertThat(row(browser, hub.schoolId)).contains(hub.schoolName, "40.0%", "4 of 10", "0.0%", "0 of 2",
                    "n/a", "GB5: no");
            assertThat(row(browser, secondId)).contains(secondName, "100.0%", "2 of 2", "GB5: yes",
                    "GB6: not applicable");
            assertThat(browser.find("#hub-heatmap td.cell.level-high").getText()).contains("100.0%");
            assertThat(browser.find("#stat-gb5").getText()).contains("50.0%", "1 of 2");
            assertThat(browser.find("#stat-gb6").getText()).contains("0.0%", "0 of 1");

            // The trend and the employers arrive after the page (htmx), charts drawn by Chart.js.
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trend-chart[data-drawn]")));
            browser.find("#trend summary").click();
            assertThat(browser.find("#trend-table").getText()).contains(
                    DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(today), "50.0% (6 of 12)",
                    "0.0% (0 of 2)");
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sector-chart[data-drawn]")));
            assertThat(browser.find("#sector-table").getText()).contains("Engineering 2 6");
            assertThat(browser.find("#size-table").getText()).contains("Medium (50 to 249 people) 2 6");
            browser.assertAccessible("the hub at a glance").assertFitsPhone("the hub at a glance");
            fullPageScreenshot(browser, "hub-coordinator");

            // The CSV, fetched as the browser would download it, with the session's cookie.
            String link = browser.find("a[href^='/hub/export.csv']").getAttribute("href");
            @SuppressWarnings("unchecked")
            Map<String, String> csv = (Map<String, String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(function (r) { return r.text().then(function (text) {"
                            + " done({disposition: r.headers.get('Content-Disposition'), body: text}); }); });", link);
            assertThat(csv.get("disposition")).startsWith("attachment; filename=\"hub-").contains(today + ".csv");
            List<String> lines = csv.get("body").lines().toList();
            assertThat(lines.getFirst()).startsWith("School,URN,Type,GB5 on roll,GB5 met,GB5 %,GB5 fully achieved,");
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1)).startsWith(secondName + ",").contains(",School,2,2,100.0,yes,");
            assertThat(lines.get(2)).startsWith(hub.schoolName + ",").contains(",School,10,4,40.0,no,2,0,0.0,no,");

            // A school's figures: year groups and groups, by count; not a pupil named or identified.
            browser.find("#hub-heatmap a[href^='/hub/schools/" + hub.schoolId + "']").click();
            browser.awaitText("h1", hub.schoolName);
            assertThat(browser.find("#school-heatmap").getText()).contains("Year 7", "100.0%", "2 of 2", "Year 9",
                    "0 of 2");
            assertThat(browser.find("#school-stats").getText()).contains("40.0%", "4 of 10");
            String source = browser.driver().getPageSource();
            hub.pupils.forEach((name, id) -> assertThat(source).doesNotContain(name).doesNotContain(id));
            browser.assertAccessible("a school's figures");
            browser.screenshot("hub-coordinator-school");

            // Unmet demand: the shout-out nobody has offered for.
            browser.go("/hub/demand");
            assertThat(browser.find("#unmet").getText()).contains(shoutOutTitle, hub.schoolName, "Mock interviews",
                    "Year 11", "Posted today");
            browser.assertAccessible("unmet demand").assertFitsPhone("unmet demand");
            browser.screenshot("hub-coordinator-demand");
        }
    }

    @Test
    @Order(2)
    void aNewEncounterArrivesOnTheOpenPageWithoutReloading() {
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.coordinatorSignIn());
            browser.awaitText("#live-status", "Live:");
            JavascriptExecutor page = browser.driver();
            page.executeScript("window.stillTheSamePage = true;");
            String before = row(browser, hub.schoolId);

            hub.leader().recordEncounter(talk(hub.schoolId, pupils("Ella Fraser", "Finn Green")));

            browser.awaitText("#live-feed", "Careers talk recorded at " + hub.schoolName + " — Engineering employer");
            await().atMost(PublicApi.PATIENCE).untilAsserted(() ->
                    assertThat(row(browser, hub.schoolId)).contains("60.0%", "6 of 10"));
            assertThat(before).contains("4 of 10");
            assertThat(page.executeScript("return window.stillTheSamePage === true;")).isEqualTo(true);
            assertThat(browser.find("#live-feed").getText()).doesNotContain("Ella").doesNotContain("Finn");
            browser.assertAccessible("the hub with live news");
        }
    }

    /** A careers talk today, meaningful for GB5 under this year's framework, with these pupils. */
    private static Map<String, Object> talk(String schoolId, List<String> attendees) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", schoolId);
        body.put("employerId", hub.employerId());
        body.put("activityType", "CAREERS_TALK");
        body.put("benchmarks", List.of("GB5"));
        body.put("date", today.toString());
        body.put("hours", new BigDecimal("1.5"));
        body.put("mode", "IN_PERSON");
        body.put("attendees", attendees);
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        ChecklistItem.required(Benchmark.GB5, FrameworkVersion.forAcademicYear(thisYear))
                .forEach(item -> checklist.put(item.name(), true));
        body.put("checklist", checklist);
        return body;
    }

    private static List<String> pupils(String... names) {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(hub.pupils.get(name));
        }
        return ids;
    }

    /** A school's heatmap row as shown, read in one step: a live refresh may replace the row at any moment. */
    private static String row(Browser browser, String schoolId) {
        return browser.await().until(d -> (String) ((JavascriptExecutor) d).executeScript(
                "var row = document.querySelector(\"#hub-heatmap tr[data-school-id='\" + arguments[0] + \"']\");"
                        + " return row ? row.innerText : null;", schoolId));
    }

    /** The whole dashboard, charts included, at desktop width (the README's picture). */
    private static void fullPageScreenshot(Browser browser, String name) {
        Dimension desktop = browser.driver().manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight;");
        try {
            browser.driver().manage().window().setSize(new Dimension(desktop.getWidth(),
                    Math.min(3000, height.intValue() + 140)));
            browser.screenshot(name);
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    private static String urn() {
        return String.valueOf(100000 + Math.abs(UUID.randomUUID().hashCode() % 899999));
    }
}
