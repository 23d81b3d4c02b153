package uk.encounters.identity.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import uk.encounters.identity.IdentityProperties;
import uk.encounters.identity.account.Account;
import uk.encounters.identity.account.AccountStatus;
import uk.encounters.identity.account.Accounts;
import uk.encounters.identity.account.Passwords;
import uk.encounters.identity.account.Role;
import uk.encounters.identity.client.IntegrationClients;

/**
 * First start: with no platform admin yet, creates one and an integration client of theirs, so that the demo loader
 * and the README's curl lines can start somewhere. A password or secret given in the environment is used as given;
 * one that is not is generated and written, with the rest, to a file only the owner can read. Secrets never go to
 * the log. Later starts change nothing.
 */
@Component
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final IntegrationClients clients;
    private final Passwords passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    Bootstrap(Accounts accounts, IntegrationClients clients, Passwords passwords, IdentityProperties properties,
              Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyWithRole(Role.PLATFORM_ADMIN)) {
            return;
        }
        IdentityProperties.Bootstrap settings = properties.bootstrap();
        boolean generatedPassword = !StringUtils.hasText(settings.adminPassword());
        boolean generatedSecret = !StringUtils.hasText(settings.clientSecret());
        String password = generatedPassword ? randomSecret() : settings.adminPassword();
        String secret = generatedSecret ? randomSecret() : settings.clientSecret();
        // Written before anything is stored: generated credentials nobody can read would lock everyone out.
        Path file = null;
        if (generatedPassword || generatedSecret) {
            file = write(settings, password, secret);
        }
        Account admin = new Account(Accounts.newId(), settings.adminEmail(), passwords.hash(password),
                Role.PLATFORM_ADMIN, null, AccountStatus.ACTIVE, null, clock.instant());
        if (!accounts.insert(admin)) {
            throw new IllegalStateException("An account with the bootstrap admin's email exists but is no admin");
        }
        clients.create(admin.id(), "Bootstrap admin client", settings.clientId(), secret);
        log.info("Created the platform admin account {} and its integration client {}{}", admin.id(),
                settings.clientId(), file == null ? "" : "; credentials in " + file.toAbsolutePath());
    }

    private Path write(IdentityProperties.Bootstrap settings, String password, String secret) {
        Path file = properties.dataDirectory().resolve(settings.file());
        String content = "# Written by identity-service on its first start. Keep it secret.\n"
                + "issuer=" + properties.baseUrl() + "\n"
                + "token.endpoint=" + properties.baseUrl() + "/oauth2/token\n"
                + "admin.email=" + settings.adminEmail() + "\n"
                + "admin.password=" + password + "\n"
                + "client.id=" + settings.clientId() + "\n"
                + "client.secret=" + secret + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".identity-bootstrap", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bootstrap credentials to " + file.toAbsolutePath(), e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
