package uk.encounters.launcher.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.launcher.PublicApi;
import uk.encounters.launcher.Service;

/**
 * The careers leader's shout-outs and encounters in a real browser against the running platform: posting a
 * shout-out (first refused by school-service, the message next to the field and everything typed kept), changing it,
 * accepting an employer's offer on it, recording the encounter from that offer with the attendance picker and the
 * checklist, correcting the register, overriding the checklist's result, and withdrawing another shout-out.
 */
class CareersLeaderEncountersPortalBrowserTest {

    private static PortalHub hub;

    @BeforeAll
    static void hub() {
        Browser.assumeAvailable();
        hub = PortalHub.create("Encounters");
    }

    @Test
    void theLeaderPostsAShoutOutAcceptsAnOfferAndRecordsTheEncounterWithItsRegister() {
        LocalDate today = LocalDate.now(PortalHub.ENGLAND);
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.leaderSignIn());
            browser.go("/school/shout-outs");
            browser.awaitText("h1", "Shout-outs");
            assertThat(browser.find(".empty").getText()).contains("You have not posted a shout-out yet");
            browser.assertAccessible("the shout-outs, none yet");

            String shoutOutId = postShoutOut(browser);
            changeShoutOut(browser, shoutOutId);
            String offerId = employerOffers(shoutOutId, today);

            browser.go("/school/shout-outs/" + shoutOutId);
            WebElement offer = browser.awaitText("#offer-" + offerId + " h3", hub.employerName);
            assertThat(browser.find("#offer-" + offerId).getText()).contains("Engineering", "Medium (50 to 249 staff)",
                    "Two of our apprentices can come", "Waiting for your answer");
            assertThat(offer.getText()).isEqualTo(hub.employerName);
            browser.assertAccessible("a shout-out with an offer");
            browser.assertFitsPhone("a shout-out with an offer");
            tallScreenshot(browser, "careers-leader-shout-out");
            browser.find("#offer-" + offerId + " form button").click();
            browser.awaitText(".alert--success", "You accepted the offer from " + hub.employerName);
            assertThat(browser.find("#offer-" + offerId).getText()).contains("Accepted");

            browser.find("#offer-" + offerId + " a.button").click();
            String encounterId = recordEncounter(browser, today);
            correctRegisterAndOverride(browser, encounterId);

            browser.go("/school/encounters");
            browser.awaitText("#encounter-results", hub.employerName);
            assertThat(browser.find("#encounter-results tbody tr").getText())
                    .contains("Careers talk or visiting speaker", "GB5", "2", "Recorded");
            browser.assertAccessible("the school's encounters");
        browser.screenshot("careers-leader-encounters");

            withdrawAnotherShoutOut(browser, today);
        }
    }

    /** Refused first (no places), then posted; answers the new shout-out's id. */
    private static String postShoutOut(Browser browser) {
        browser.find("a.button[href='/school/shout-outs/new']").click();
        browser.awaitText("h1", "Post a shout-out");
        browser.assertAccessible("the shout-out form");
        browser.find("#title").sendKeys("Careers talk: working in engineering");
        browser.find("#description").sendKeys("Thirty minutes on apprenticeships, then questions.");
        new Select(browser.find("#activityType")).selectByValue("CAREERS_TALK");
        browser.find("#year-9").click();
        browser.find("#year-10").click();
        browser.find("input[name=sectors][value='Engineering and manufacturing']").click();
        browser.find("#places").sendKeys("0");
        browser.find("#location").sendKeys("Main hall");
        browser.find("form[action='/school/shout-outs'] button[type=submit]").click();

        browser.awaitText("#places-error", "must be greater than or equal to 1");
        assertThat(browser.find("#form-problem").getText()).contains("places");
        assertThat(browser.find("#places").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Careers talk: working in engineering");
        assertThat(browser.find("#year-9").isSelected()).isTrue();
        assertThat(browser.find("#year-10").isSelected()).isTrue();
        assertThat(browser.find("#year-11").isSelected()).isFalse();
        assertThat(browser.find("input[name=sectors][value='Engineering and manufacturing']").isSelected()).isTrue();
        assertThat(new Select(browser.find("#activityType")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CAREERS_TALK");
        browser.assertAccessible("the shout-out form with school-service's problem");
        browser.screenshot("careers-leader-shout-out-problem");

        browser.find("#places").clear();
        browser.find("#places").sendKeys("30");
        browser.find("form[action='/school/shout-outs'] button[type=submit]").click();
        browser.awaitText("h1", "Careers talk: working in engineering");
        assertThat(browser.find(".alert--success").getText()).contains("is posted");
        assertThat(browser.find(".summary").getText()).contains("Years 9, 10", "Engineering and manufacturing");
        browser.assertAccessible("a shout-out without offers");
        return browser.path().substring("/school/shout-outs/".length());
    }

    private static void changeShoutOut(Browser browser, String shoutOutId) {
        browser.find("a[href='/school/shout-outs/" + shoutOutId + "/edit']").click();
        browser.awaitText("h1", "Change the shout-out");
        assertThat(browser.find("#places").getAttribute("value")).isEqualTo("30");
        browser.assertAccessible("the shout-out being changed");
        browser.find("#title").clear();
        browser.find("#title").sendKeys("Careers talk: engineering apprenticeships");
        browser.find("#places").clear();
        browser.find("#places").sendKeys("25");
        browser.find("#main form button[type=submit]").click();
        browser.awaitText("h1", "Careers talk: engineering apprenticeships");
        assertThat(browser.find(".alert--success").getText()).contains("saved");
        assertThat(browser.find("#main").getText()).contains("0 of 25 places covered");
    }

    /** The employer offers through the API once the board has the shout-out; answers when the school sees it. */
    private static String employerOffers(String shoutOutId, LocalDate today) {
        String[] offerId = new String[1];
        await().atMost(PublicApi.PATIENCE).until(() -> {
            HttpResponse<String> response = hub.employer().exchange(Service.ENCOUNTER, "POST",
                    "/api/v1/shout-outs/" + shoutOutId + "/offers", Map.of("employerId", hub.employerId(),
                            "proposedDate", today.toString(), "message", "Two of our apprentices can come"));
            if (response.statusCode() == 201) {
                offerId[0] = PublicApi.JSON.readTree(response.body()).get("offerId").asString();
            }
            return offerId[0] != null;
        });
        await().atMost(PublicApi.PATIENCE).untilAsserted(() -> {
            JsonNode offers = hub.leader().get(Service.SCHOOL, "/api/v1/shout-outs/" + shoutOutId).get("offers");
            assertThat(offers).hasSize(1);
            assertThat(offers.get(0).path("employerName").asString("")).isEqualTo(hub.employerName);
        });
        return offerId[0];
    }

    /** From the accepted offer: all of Year 9 with select-all, one Year 10 pupil found by name, every item ticked. */
    private static String recordEncounter(Browser browser, LocalDate today) {
        browser.awaitText("h1", "Record an encounter");
        assertThat(new Select(browser.find("#employerId")).getFirstSelectedOption().getText())
                .isEqualTo(hub.employerName);
        assertThat(new Select(browser.find("#activityType")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CAREERS_TALK");
        assertThat(browser.find("#date").getAttribute("value")).isEqualTo(today.toString());
        assertThat(browser.find("#benchmark-GB5").isSelected()).isTrue();
        assertThat(browser.find(".framework-note").getText()).contains("Good Career Guidance: The Next 10 Years");

        WebElement selectYear9 = browser.find("#group-year-9 [data-select-all]");
        assertThat(selectYear9.getText()).isEqualTo("Select all in Year 9");
        selectYear9.click();
        browser.awaitText("[data-selected-count]", "2");
        assertThat(selectYear9.getText()).isEqualTo("Clear all in Year 9");
        assertThat(pupilBox(browser, "Ella Fraser").isSelected()).isTrue();
        assertThat(pupilBox(browser, "Finn Green").isSelected()).isTrue();

        WebElement search = browser.find("#pupil-search");
        search.sendKeys("grace");
        browser.await().until(d -> !pupilBox(browser, "Harry Iqbal").isDisplayed()
                && !pupilBox(browser, "Ella Fraser").isDisplayed());
        assertThat(browser.find("#group-year-10").isDisplayed()).isTrue();
        pupilBox(browser, "Grace Hughes").click();
        browser.awaitText("[data-selected-count]", "3");
        search.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
        browser.await().until(d -> pupilBox(browser, "Harry Iqbal").isDisplayed());

        // A date in 2024/25 brings the 2014 framework's checklist (htmx swaps it in); today's brings 2024's back.
        changeDate(browser, AcademicYears.lastDay("2024/25").minusMonths(3));
        browser.awaitText(".framework-note", "Good Career Guidance (2014)");
        assertThat(browser.find("[id='checklist.ACTIVE_PARTICIPATION']").isDisplayed()).isTrue();
        assertThat(browser.all("[id='checklist.PURPOSE_SHARED']")).isEmpty();
        changeDate(browser, today);
        browser.awaitText(".framework-note", "Good Career Guidance: The Next 10 Years (2024)");

        browser.find("#hours").sendKeys("1.5");
        browser.all("input[name=checklist]").forEach(WebElement::click);
        assertThat(browser.all("input[name=checklist]")).hasSize(8).allMatch(WebElement::isSelected);

        browser.assertAccessible("the record form");
        browser.assertFitsPhone("the record form");
        tallScreenshot(browser, "careers-leader-record-encounter");

        // Just after a roll upload encounter-service may not know the pupils yet and says "try again shortly"; the
        // form comes back with everything chosen, so submitting again is all a person would do.
        await().atMost(PublicApi.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> submitted(browser));
        assertThat(browser.find(".alert--success").getText()).contains("recorded with 3 pupils");
        assertThat(browser.heading()).isEqualTo("Careers talk or visiting speaker with " + hub.employerName);
        assertThat(browser.find("table.attendees").getText()).contains("Ella Fraser", "Finn Green", "Grace Hughes")
                .doesNotContain("Harry Iqbal");
        assertThat(browser.find("#main").getText()).contains("Who took part (3)", "Every item met");
        browser.assertAccessible("an encounter just recorded");
        return browser.path().substring("/school/encounters/".length());
    }

    private static void correctRegisterAndOverride(Browser browser, String encounterId) {
        browser.find("a[href='/school/encounters/" + encounterId + "/register']").click();
        browser.awaitText("h1", "Correct the register");
        assertThat(browser.find("[data-selected-count]").getText()).isEqualTo("3");
        browser.assertAccessible("the register correction");
        pupilBox(browser, "Finn Green").click();
        browser.awaitText("[data-selected-count]", "2");
        browser.find("#reason").sendKeys("Finn was on a school trip that afternoon.");
        browser.find("#main form button[type=submit]").click();
        browser.awaitText(".alert--success", "The register is corrected: 2 pupils took part.");
        assertThat(browser.find("#main").getText()).contains("Who took part (2)", "Register corrected",
                "Finn was on a school trip that afternoon.");
        assertThat(browser.find("table.attendees").getText()).contains("Ella Fraser", "Grace Hughes")
                .doesNotContain("Finn Green");

        browser.find("a[href='/school/encounters/" + encounterId + "/override']").click();
        browser.awaitText("h1", "Override whether it counts");
        browser.assertAccessible("the override form");
        assertThat(browser.find("#benchmark-GB5").isSelected()).as("the only benchmark tagged").isTrue();
        browser.find("#meaningful-false").click();
        browser.find("#reason").sendKeys("The employer spoke for the whole session; no questions were taken.");
        browser.find("#main form button[type=submit]").click();
        browser.awaitText(".alert--success", "GB5 now counts this encounter as not meaningful");
        assertThat(browser.find("#main").getText()).contains("Meaningfulness overridden",
                "The employer spoke for the whole session; no questions were taken.");
        assertThat(browser.find("#main").getText()).contains("Not meaningful: The employer spoke");
        browser.assertAccessible("an encounter with a corrected register and an override");
        browser.assertFitsPhone("an encounter");
        tallScreenshot(browser, "careers-leader-encounter");
    }

    private static void withdrawAnotherShoutOut(Browser browser, LocalDate today) {
        String other = hub.leader().post(Service.SCHOOL, "/api/v1/schools/" + hub.schoolId + "/shout-outs", Map.of(
                "title", "Mock interviews for Year 11", "activityType", "MOCK_INTERVIEWS", "yearGroups", List.of(11),
                "places", 6, "startDate", today.toString(), "endDate", today.plusDays(20).toString(),
                "mode", "IN_PERSON"), 201).get("shoutOutId").asString();
        await().atMost(PublicApi.PATIENCE).until(() -> hub.leader().exchange(Service.SCHOOL, "GET",
                "/api/v1/shout-outs/" + other, null).statusCode() == 200);

        browser.go("/school/shout-outs");
        browser.awaitText("#shout-out-results", "Mock interviews for Year 11");
        browser.find("a[href='/school/shout-outs/" + other + "']").click();
        browser.awaitText("h1", "Mock interviews for Year 11");
        browser.find("a[href='/school/shout-outs/" + other + "/withdraw']").click();
        browser.awaitText("h1", "Withdraw the shout-out");
        browser.assertAccessible("the withdrawal form");
        browser.find("#reason").sendKeys("Year 11 mocks moved to the spring term.");
        browser.find("#main form button[type=submit]").click();
        browser.awaitText(".alert--success", "The shout-out is withdrawn");
        assertThat(browser.find(".summary").getText()).contains("Year 11 mocks moved to the spring term.");
        assertThat(browser.find("#main .badge").getText()).isEqualTo("Withdrawn");

        browser.go("/school/shout-outs");
        browser.find("a[href='/school/shout-outs?status=WITHDRAWN']").click();
        browser.awaitText("#shout-out-results h2", "Withdrawn (1)");
        assertThat(browser.find("#shout-out-results").getText()).contains("Mock interviews for Year 11")
                .doesNotContain("engineering apprenticeships");
        browser.assertAccessible("the withdrawn shout-outs");
        browser.find(".status-filter a[href='/school/shout-outs']").click();
        browser.awaitText("#shout-out-results", "Filled (1)");
        browser.screenshot("careers-leader-shout-outs");
    }

    /** Submits the record form once: true on the encounter's page, false on a retryable refusal. */
    private static boolean submitted(Browser browser) {
        WebElement submit = browser.find("form.record-form button[type=submit]");
        submit.click();
        browser.await().until(ExpectedConditions.stalenessOf(submit));
        if (browser.all("form.record-form").isEmpty()) {
            return true;
        }
        assertThat(browser.find("#form-problem").getText()).contains("try again shortly");
        return false;
    }

    /** As a date picker does: the value changes, then a change event. */
    private static void changeDate(Browser browser, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("const input = document.getElementById('date');"
                + " input.value = arguments[0]; input.dispatchEvent(new Event('change', {bubbles: true}));",
                date.toString());
    }

    private static WebElement pupilBox(Browser browser, String name) {
        return browser.driver().findElement(By.id("pupil-" + hub.pupils.get(name)));
    }

    /** The whole form at desktop width: the picker and the checklist are below the first screenful. */
    private static void tallScreenshot(Browser browser, String name) {
        Dimension desktop = browser.driver().manage().window().getSize();
        try {
            Number height = (Number) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollHeight;");
            browser.driver().manage().window().setSize(new Dimension(desktop.getWidth(), height.intValue() + 100));
            ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
            browser.screenshot(name);
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }
}
