package uk.encounters.identity.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.encounters.identity.IdentityProperties;
import uk.encounters.identity.account.Accounts;
import uk.encounters.identity.account.Passwords;
import uk.encounters.identity.client.IntegrationClients;
import uk.encounters.infra.Infrastructure;

@ExtendWith(OutputCaptureExtension.class)
class BootstrapTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @TempDir
    Path data;

    private final MongoClient client = MongoClients.create(Infrastructure.forTests().mongoUri());
    private final MongoDatabase database = client.getDatabase("identity-bootstrap-" + UUID.randomUUID());

    @AfterEach
    void close() {
        database.drop();
        client.close();
    }

    @Test
    void theFirstStartWritesGeneratedCredentialsToAnOwnerOnlyFileAndLogsNoneOfThem(CapturedOutput output)
            throws Exception {
        bootstrap(null, null).run(null);

        Path file = data.resolve("identity-bootstrap.properties");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Properties written = new Properties();
        written.load(new StringReader(Files.readString(file)));
        assertThat(written.getProperty("admin.email")).isEqualTo("admin@encounters.local");
        assertThat(written.getProperty("client.id")).isEqualTo("platform-admin");
        String password = written.getProperty("admin.password");
        String secret = written.getProperty("client.secret");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(ENCODER.matches(password, admin().getString("passwordHash"))).isTrue();
        assertThat(ENCODER.matches(secret, adminClient().getString("secretHash"))).isTrue();
        assertThat(output.getAll()).contains("Created the platform admin account", file.toString())
                .doesNotContain(password).doesNotContain(secret);

        String before = Files.readString(file);
        bootstrap(null, null).run(null);
        assertThat(Files.readString(file)).as("a later start changes nothing").isEqualTo(before);
        assertThat(database.getCollection("accounts").countDocuments()).isEqualTo(1);
    }

    @Test
    void credentialsFromTheEnvironmentAreUsedAndWrittenNowhere() {
        String password = "given admin password " + UUID.randomUUID();
        String secret = "given client secret " + UUID.randomUUID();

        bootstrap(password, secret).run(null);

        assertThat(data.resolve("identity-bootstrap.properties")).doesNotExist();
        assertThat(ENCODER.matches(password, admin().getString("passwordHash"))).isTrue();
        assertThat(ENCODER.matches(secret, adminClient().getString("secretHash"))).isTrue();
        assertThat(admin().getString("role")).isEqualTo("PLATFORM_ADMIN");
        assertThat(admin().getString("status")).isEqualTo("ACTIVE");
    }

    private Document admin() {
        return database.getCollection("accounts").find(new Document("role", "PLATFORM_ADMIN")).first();
    }

    private Document adminClient() {
        return database.getCollection("integration_clients").find(new Document("clientId", "platform-admin")).first();
    }

    private Bootstrap bootstrap(String password, String secret) {
        IdentityProperties properties = new IdentityProperties(URI.create("http://localhost:8080"), data,
                Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofDays(2), false,
                new IdentityProperties.Portal("portal", List.of("http://127.0.0.1:5173/callback"), List.of()),
                new IdentityProperties.Throttle(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1),
                        Duration.ofHours(1)),
                new IdentityProperties.Bootstrap("admin@encounters.local", password, "platform-admin", secret,
                        "identity-bootstrap.properties"));
        Clock clock = Clock.systemUTC();
        Accounts accounts = new Accounts(database);
        Passwords passwords = new Passwords(ENCODER);
        return new Bootstrap(accounts, new IntegrationClients(database, accounts, passwords, properties, clock),
                passwords, properties, clock);
    }
}
