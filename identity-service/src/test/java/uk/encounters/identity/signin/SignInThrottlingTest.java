package uk.encounters.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.encounters.identity.Browser;
import uk.encounters.identity.IdentityServiceTest;

/**
 * Login throttling through the real login form. Defaults: 5 failures per email or 20 per address in 15 minutes lock
 * for 1 minute, doubling per further lock. The test clock moves instead of the test waiting.
 */
class SignInThrottlingTest extends IdentityServiceTest {

    private static final String LOCAL_ADDRESS = "address:127.0.0.1";

    @Autowired
    MongoDatabase database;

    @BeforeEach
    @AfterEach
    void forgetTheTestClientsAddress() {
        // Every test in this JVM signs in from 127.0.0.1; this class's deliberate failures must not lock the others.
        database.getCollection(LoginThrottle.COLLECTION).deleteMany(new Document("_id",
                new Document("$in", List.of(LOCAL_ADDRESS, "address:0:0:0:0:0:0:0:1"))));
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneFailsLikeAWrongOneUntilTheGrowingLockEnds() {
        String email = activeEmployer();
        HttpResponse<String> wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = browser.login(email, "not the password " + i);
            assertThat(refused(wrong)).isTrue();
        }

        HttpResponse<String> rightWhileLocked = browser.login(email, PASSWORD);

        assertThat(sameAnswer(rightWhileLocked, wrong)).isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(refused(browser.login(email, PASSWORD))).as("the first lock lasts one minute").isFalse();

        for (int i = 0; i < 5; i++) {
            browser.login(email, "still not the password " + i);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(refused(browser.login(email, PASSWORD))).as("signing in clears the lock history").isFalse();
    }

    @Test
    void locksGrowWhileNoSignInSucceedsInBetween() {
        String email = activeEmployer();
        for (int i = 0; i < 5; i++) {
            browser.login(email, "wrong " + i);
        }
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 5; i++) {
            browser.login(email, "wrong again " + i);
        }

        clock.advance(Duration.ofSeconds(61));
        assertThat(refused(browser.login(email, PASSWORD))).as("the second lock lasts two minutes").isTrue();
        clock.advance(Duration.ofSeconds(60));
        assertThat(refused(browser.login(email, PASSWORD))).isFalse();
    }

    @Test
    void anUnknownEmailIsAnsweredExactlyLikeAWrongPasswordAndLocksAlike() {
        String known = activeEmployer();
        String unknown = email("nobody");

        HttpResponse<String> wrongPassword = browser.login(known, "not the password");
        HttpResponse<String> unknownEmail = browser.login(unknown, "not the password");
        for (int i = 0; i < 5; i++) {
            browser.login(unknown, "guess " + i);
        }
        HttpResponse<String> lockedUnknown = browser.login(unknown, "guess again");

        assertThat(refused(wrongPassword)).isTrue();
        assertThat(sameAnswer(unknownEmail, wrongPassword)).isTrue();
        assertThat(sameAnswer(lockedUnknown, wrongPassword)).isTrue();
        assertThat(database.getCollection(LoginThrottle.COLLECTION)
                .find(new Document("_id", "account:" + unknown)).first().getDate("lockedUntil")).isNotNull();
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryEmail() {
        String email = activeEmployer();
        for (int i = 0; i < 20; i++) {
            browser.login(email("spray" + i), "password123456");
        }

        assertThat(refused(browser.login(email, PASSWORD))).isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(refused(browser.login(email, PASSWORD))).isFalse();
    }

    private static boolean refused(HttpResponse<String> response) {
        return response.statusCode() == 302 && Browser.location(response).endsWith("/login?error");
    }

    /** Status, redirect and body all equal: nothing tells a locked or unknown email from a wrong password. */
    private static boolean sameAnswer(HttpResponse<String> a, HttpResponse<String> b) {
        return a.statusCode() == b.statusCode() && a.headers().firstValue("Location")
                .equals(b.headers().firstValue("Location")) && a.body().equals(b.body());
    }
}
