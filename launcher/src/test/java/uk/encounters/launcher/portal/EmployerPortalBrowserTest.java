package uk.encounters.launcher.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import uk.encounters.launcher.PublicApi;
import uk.encounters.launcher.Service;
import uk.encounters.launcher.SharedPlatform;

/**
 * An employer volunteer in the browser: the board of open shout-outs filtered by activity and by distance from a
 * postcode (htmx swapping the results in place), an offer refused for a date outside the school's window and then
 * made, the school's acceptance showing on My offers, an activity of their own offered and withdrawn, and the
 * encounter the school recorded, with the number of pupils and nothing about who they were. A newly registered
 * employer is asked about their organisation before anything else.
 * <p>
 * The board is every open shout-out of the platform (other test classes post theirs too), so the checks look only
 * at the cards of this class's school.
 */
class EmployerPortalBrowserTest {

    private static PortalHub hub;
    private static LocalDate today;
    private static ShoutOut talk;
    private static ShoutOut labVisit;
    private static ShoutOut interviews;

    /** A shout-out this class posted, as the school wrote it. */
    private record ShoutOut(String id, String title) {
    }

    @BeforeAll
    static void schoolAsksForHelp() {
        Browser.assumeAvailable();
        hub = PortalHub.create("Employer portal");
        today = LocalDate.now(PortalHub.ENGLAND);
        talk = post("Careers talk: building bridges", "CAREERS_TALK", List.of("Engineering"), List.of(9, 10),
                today, today.plusDays(30), "IN_PERSON", hub.schoolName + ", Stockton-on-Tees TS17 6AB");
        labVisit = post("Visit to a hospital laboratory", "WORKPLACE_VISIT", List.of("Health"), List.of(10),
                today.plusDays(5), today.plusDays(40), "IN_PERSON", "St Thomas' Hospital, London SE1 7EH");
        interviews = post("Mock interviews for Year 11", "MOCK_INTERVIEWS", List.of(), List.of(11),
                today.plusDays(10), today.plusDays(50), "VIRTUAL", null);
        await().atMost(PublicApi.PATIENCE).untilAsserted(() -> {
            List<String> onBoard = new ArrayList<>();
            hub.employer().get(Service.ENCOUNTER, "/api/v1/shout-outs?status=OPEN")
                    .forEach(entry -> onBoard.add(entry.get("shoutOutId").asString()));
            assertThat(onBoard).contains(talk.id(), labVisit.id(), interviews.id());
        });
    }

    @Test
    void anEmployerFiltersTheBoardOffersAndFollowsTheSchoolsAnswer() {
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.employerSignIn());
            assertThat(browser.path()).isEqualTo("/employer");
            assertThat(browser.find("#near").getAttribute("value")).as("the employer's own postcode")
                    .isEqualTo("TS2 1RS");
            assertThat(ourCards(browser)).as("within 25 miles of TS2 1RS: not London, not the one with no place")
                    .containsExactly(talk.title());
            assertThat(card(browser, talk).getText()).contains("In the same postcode area", "Years 9 and 10",
                    "Careers talk", "30 places");
            browser.assertAccessible("the board").assertFitsPhone("the board");
            browser.screenshot("employer").phoneScreenshot("employer-phone");

            new Select(browser.find("#activityType")).selectByValue("WORKPLACE_VISIT");
            awaitCards(browser, List.of());
            assertThat(browser.driver().getCurrentUrl()).as("filters in the address, to bookmark")
                    .contains("activityType=WORKPLACE_VISIT");
            type(browser.find("#near"), "SE1 7EH");
            awaitCards(browser, List.of(labVisit.title()));
            assertThat(card(browser, labVisit).getText()).contains("St Thomas' Hospital, London SE1 7EH",
                    "In the same postcode area");
            type(browser.find("#near"), "");
            new Select(browser.find("#activityType")).selectByValue("MOCK_INTERVIEWS");
            awaitCards(browser, List.of(interviews.title()));
            assertThat(card(browser, interviews).getText()).contains("Virtual", "Online", "Year 11");
            browser.assertAccessible("the board, filtered");

            // The talk, from the board at its defaults again.
            browser.go("/employer");
            card(browser, talk).findElement(By.cssSelector(".card__action a")).click();
            browser.awaitText("h1", talk.title());
            assertThat(browser.path()).isEqualTo("/employer/shout-outs/" + talk.id());
            browser.assertAccessible("the offer form").assertFitsPhone("the offer form");

            setDate(browser, "#proposedDate", today.plusDays(60));
            browser.find("#message").sendKeys("Two of our apprentices can come and bring a bridge model.");
            browser.find("form.form button[type=submit]").click();
            assertThat(browser.awaitText("#proposedDate-error", "outside").getText())
                    .as("the service's own words, next to the field").contains(today.plusDays(60).toString());
            assertThat(browser.find("#message").getAttribute("value")).as("what was typed is kept")
                    .isEqualTo("Two of our apprentices can come and bring a bridge model.");
            assertThat(browser.find("#proposedDate").getAttribute("aria-invalid")).isEqualTo("true");
            browser.assertAccessible("the offer form with a problem");
            browser.screenshot("employer-offer-form");

            setDate(browser, "#proposedDate", today.plusDays(7));
            browser.find("form.form button[type=submit]").click();
            browser.awaitText(".alert--success", "Your offer");
            assertThat(browser.path()).isEqualTo("/employer/offers");
            WebElement offer = offerCard(browser, talk.title());
            assertThat(offer.getAttribute("data-status")).isEqualTo("OFFERED");
            assertThat(offer.getText()).contains("Offered", hub.schoolName, "Waiting for the school's answer");
            browser.assertAccessible("my offers").assertFitsPhone("my offers");
            browser.go("/employer");
            assertThat(card(browser, talk).getText()).as("the board says so too").contains("You offered: Offered");
            browser.go("/employer/offers");

            String offerId = offerCard(browser, talk.title()).getAttribute("data-offer-id");
            acceptAtTheSchool(offerId);
            browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
                d.navigate().refresh();
                return d.findElements(By.cssSelector("li.card[data-offer-id='" + offerId + "'][data-status=ACCEPTED]"))
                        .size() == 1;
            });
            assertThat(offerCard(browser, talk.title()).getText()).contains("Accepted", "The school accepted");

            browser.find("a[href='/employer/activities/new']").click();
            browser.awaitText("h1", "Offer an activity of your own");
            browser.assertAccessible("the own-activity form");
            String clinic = "CV clinic with our recruiters " + UUID.randomUUID().toString().substring(0, 6);
            new Select(browser.find("#activityType")).selectByValue("CV_WORKSHOP");
            browser.find("#title").sendKeys(clinic);
            setDate(browser, "#date", today.plusDays(14));
            browser.find("#places").sendKeys("20");
            browser.find("label[for='mode-VIRTUAL']").click();
            browser.find("form.form button[type=submit]").click();
            browser.awaitText(".alert--success", clinic);
            assertThat(offerCard(browser, clinic).getText()).contains("Your own activity", "Offered",
                    "CV and skills workshop", "20 places");

            WebElement ownOffer = offerCard(browser, clinic);
            ownOffer.findElement(By.cssSelector("details.withdraw summary")).click();
            ownOffer.findElement(By.cssSelector("textarea")).sendKeys("Our recruiters are needed elsewhere that week.");
            ownOffer.findElement(By.cssSelector("button[type=submit]")).click();
            browser.awaitText(".alert--success", "withdrawn");
            browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
                d.navigate().refresh();
                return "WITHDRAWN".equals(offerCard(browser, clinic).getAttribute("data-status"));
            });
            assertThat(offerCard(browser, clinic).getText()).contains("Withdrawn",
                    "Our recruiters are needed elsewhere that week.");
            browser.screenshot("employer-offers");
            assertNoPupilData(browser, "my offers");

            recordAtTheSchool(offerId);
            browser.go("/employer/encounters");
            browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
                d.navigate().refresh();
                return d.findElements(By.cssSelector("li.card[data-status=RECORDED]")).stream()
                        .anyMatch(c -> c.getText().contains(hub.schoolName));
            });
            WebElement encounter = browser.all("li.card[data-status=RECORDED]").stream()
                    .filter(c -> c.getText().contains(hub.schoolName)).findFirst().orElseThrow();
            assertThat(encounter.getText()).contains("Careers talk", "3 pupils took part", "1.5 hours", "Recorded");
            browser.assertAccessible("encounters").assertFitsPhone("encounters");
            browser.screenshot("employer-encounters");
            assertNoPupilData(browser, "encounters");
        }
    }

    @Test
    void aNewEmployerIsAskedAboutTheirOrganisationBeforeTheBoard() {
        String organisation = "Portal Newcomers " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(SharedPlatform.tokens().employerSignIn(organisation));
            browser.awaitText("h1", "Tell schools about your organisation");
            assertThat(browser.path()).isEqualTo("/employer/profile");
            assertThat(browser.find("#name").getAttribute("value")).as("the name given at registration")
                    .isEqualTo(organisation);
            browser.assertAccessible("the profile form").assertFitsPhone("the profile form");

            browser.find("#sector").sendKeys("Health");
            browser.find("label[for='size-SMALL']").click();
            browser.find("#postcode").sendKeys("not a postcode");
            browser.find("form.form button[type=submit]").click();
            browser.awaitText("#postcode-error", "postcode");
            assertThat(browser.find("#sector").getAttribute("value")).isEqualTo("Health");
            assertThat(browser.find("#size-SMALL").isSelected()).isTrue();
            browser.assertAccessible("the profile form with a problem");
            browser.screenshot("employer-profile");

            WebElement postcode = browser.find("#postcode");
            postcode.clear();
            postcode.sendKeys("SE1 7EH");
            browser.find("form.form button[type=submit]").click();
            browser.awaitText(".alert--success", "profile is saved");
            assertThat(browser.path()).isEqualTo("/employer");
            assertThat(browser.find("#near").getAttribute("value")).isEqualTo("SE1 7EH");
            assertThat(ourCards(browser)).containsExactly(labVisit.title());
        }
    }

    private static ShoutOut post(String title, String activityType, List<String> sectors, List<Integer> yearGroups,
                                 LocalDate start, LocalDate end, String mode, String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "Posted by " + hub.schoolName + " for the employer portal's browser test.");
        body.put("activityType", activityType);
        body.put("sectors", sectors);
        body.put("yearGroups", yearGroups);
        body.put("places", 30);
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        body.put("mode", mode);
        if (location != null) {
            body.put("location", location);
        }
        String id = hub.leader().post(Service.SCHOOL, "/api/v1/schools/" + hub.schoolId + "/shout-outs", body, 201)
                .get("shoutOutId").asString();
        return new ShoutOut(id, title);
    }

    /** The school accepts once school-service has heard of the offer (it arrives over Kafka). */
    private static void acceptAtTheSchool(String offerId) {
        await().atMost(PublicApi.PATIENCE).untilAsserted(() -> {
            List<String> offers = new ArrayList<>();
            for (JsonNode shoutOut : hub.leader().get(Service.SCHOOL, "/api/v1/schools/" + hub.schoolId + "/shout-outs")) {
                if (talk.id().equals(shoutOut.get("shoutOutId").asString())) {
                    shoutOut.path("offers").forEach(o -> offers.add(o.get("offerId").asString()));
                }
            }
            assertThat(offers).contains(offerId);
        });
        hub.leader().post(Service.SCHOOL, "/api/v1/shout-outs/" + talk.id() + "/offers/" + offerId + "/accept",
                Map.of(), 200);
    }

    /** The talk took place today with three of the school's Year 9 and 10 pupils. */
    private static void recordAtTheSchool(String offerId) {
        List<String> attendees = List.of(hub.pupils.get("Ella Fraser"), hub.pupils.get("Finn Green"),
                hub.pupils.get("Grace Hughes"));
        hub.leader().recordEncounter(Map.ofEntries(Map.entry("schoolId", hub.schoolId),
                Map.entry("employerId", hub.employerId()), Map.entry("shoutOutId", talk.id()),
                Map.entry("offerId", offerId), Map.entry("activityType", "CAREERS_TALK"),
                Map.entry("benchmarks", List.of("GB5")), Map.entry("date", today.toString()),
                Map.entry("hours", 1.5), Map.entry("mode", "IN_PERSON"), Map.entry("attendees", attendees),
                Map.entry("checklist", Map.of("PURPOSE_SHARED", true, "LEARNING_OUTCOMES", true,
                        "TWO_WAY_INTERACTION", true, "REFLECTION", true))));
    }

    /** Employers see no pupil data: no name and no id of any pupil of the school, anywhere in the page. */
    private static void assertNoPupilData(Browser browser, String page) {
        String source = browser.driver().getPageSource();
        hub.pupils.forEach((name, id) -> assertThat(source).as(page + " shows nothing of pupil " + id)
                .doesNotContain(name).doesNotContain(id));
    }

    /** Titles of this school's cards on the board, in the board's order. */
    private static List<String> ourCards(Browser browser) {
        return browser.all("#board-results li.card").stream()
                .filter(card -> card.findElement(By.cssSelector(".card__school")).getText().equals(hub.schoolName))
                .map(card -> card.findElement(By.cssSelector("h3")).getText())
                .toList();
    }

    /** Waits until htmx has swapped in results whose cards of this school are exactly these. */
    private static void awaitCards(Browser browser, List<String> titles) {
        browser.await().ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "cards of " + hub.schoolName + " to be " + titles)
                .until(d -> ourCards(browser).equals(titles));
    }

    private static WebElement card(Browser browser, ShoutOut shoutOut) {
        return browser.find("li.card[data-shout-out-id='" + shoutOut.id() + "']");
    }

    /** The offer's card on My offers, once listed (encounter-service's lists follow its events by a moment). */
    private static WebElement offerCard(Browser browser, String title) {
        return browser.await().ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "an offer titled " + title + " on My offers")
                .until(d -> browser.all("li.card[data-offer-id]").stream()
                        .filter(card -> card.findElement(By.cssSelector("h2")).getText().equals(title))
                        .findFirst().orElse(null));
    }

    /** Types as a person does and leaves the field, which is when the board's filters apply. */
    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    /** Date pickers differ by browser and locale; the value is what the form sends, so it is set directly. */
    private static void setDate(Browser browser, String css, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(css), date.toString());
    }
}
