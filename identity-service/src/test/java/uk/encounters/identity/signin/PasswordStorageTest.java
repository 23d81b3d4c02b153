package uk.encounters.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.net.http.HttpResponse;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import uk.encounters.identity.Browser;
import uk.encounters.identity.IdentityServiceTest;

class PasswordStorageTest extends IdentityServiceTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void passwordsAreStoredAsPrefixedBcryptHashesThatVerify() {
        String email = activeEmployer();

        String hash = account(email).getString("passwordHash");

        assertThat(hash).isNotEqualTo(PASSWORD).doesNotContain(PASSWORD).startsWith("{bcrypt}$2a$10$");
        assertThat(encoder.matches(PASSWORD, hash)).isTrue();
        assertThat(encoder.matches(PASSWORD + "x", hash)).isFalse();
        assertThat(encoder.upgradeEncoding(hash)).isFalse();
    }

    @Test
    void aHashOfAnOlderEncodingStillSignsInAndIsReplacedByTheCurrentOne() {
        String email = activeEmployer();
        String legacy = "{pbkdf2@SpringSecurity_v5_8}"
                + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
        database.getCollection("accounts").updateOne(new Document("email", email),
                Updates.set("passwordHash", legacy));

        HttpResponse<String> signedIn = browser.login(email, PASSWORD);

        assertThat(Browser.location(signedIn)).doesNotContain("/login?error");
        String upgraded = account(email).getString("passwordHash");
        assertThat(upgraded).startsWith("{bcrypt}");
        assertThat(encoder.matches(PASSWORD, upgraded)).isTrue();
    }

    @Test
    void aTooShortPasswordIsRefusedAndNothingIsStoredOrMailed() {
        String email = email("short");

        HttpResponse<String> refused = browser.postJson("/api/v1/employers/registrations",
                Map.of("email", email, "password", "short", "organisationName", "Acme Ltd"), null);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Browser.json(refused).get("errors").toString()).contains("\"field\":\"password\"",
                "at least 12 characters");
        assertThat(database.getCollection("accounts").find(new Document("email", email)).first()).isNull();
        assertThat(outbox.latest(500)).noneMatch(mail -> mail.to().equals(email));
    }

    private Document account(String email) {
        return database.getCollection("accounts").find(new Document("email", email)).first();
    }
}
