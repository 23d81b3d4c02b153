package uk.encounters.launcher.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in at identity-service's form lands each person in their own portal, the other portals are closed to
 * them, and signing out ends the session at identity-service too (the next person must type a password).
 */
class SignInBrowserTest {

    private static PortalHub hub;

    @BeforeAll
    static void hub() {
        Browser.assumeAvailable();
        hub = PortalHub.create("Sign-in");
    }

    @Test
    void eachRoleLandsInItsOwnPortalAndCannotOpenTheOthers() {
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.leaderSignIn());
            assertThat(browser.path()).isEqualTo("/school");
            browser.go("/hub");
            assertThat(browser.heading()).isEqualTo("Not for your account");
            browser.go("/employer");
            assertThat(browser.heading()).isEqualTo("Not for your account");
            browser.assertAccessible("the refusal page");
        }
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.employerSignIn());
            assertThat(browser.path()).isEqualTo("/employer");
            browser.go("/school");
            assertThat(browser.heading()).isEqualTo("Not for your account");
        }
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.coordinatorSignIn());
            assertThat(browser.path()).isEqualTo("/hub");
        }
    }

    @Test
    void signingOutEndsTheSessionAtIdentityServiceToo() {
        try (Browser browser = Browser.open(Browser.sharedPortal())) {
            browser.signIn(hub.leaderSignIn());
            browser.find("form.sign-out button").click();
            browser.awaitText("h1", "You have signed out");
            browser.assertAccessible("the signed-out page");

            browser.go("/school");
            assertThat(browser.find("input[name=username]").isDisplayed())
                    .as("identity-service asks for the password again").isTrue();
        }
    }
}
