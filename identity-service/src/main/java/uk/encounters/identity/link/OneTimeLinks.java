package uk.encounters.identity.link;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring secrets for mailed links (invitations, email confirmation). Only a SHA-256 of each secret is
 * stored, so a copy of the database opens no account. Using a link deletes it in one atomic step, so two
 * concurrent uses cannot both succeed.
 */
@Component
public class OneTimeLinks {

    public enum Purpose { INVITATION, CONFIRMATION }

    static final String COLLECTION = "one_time_links";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> links;
    private final Clock clock;

    public OneTimeLinks(MongoDatabase database, Clock clock) {
        this.links = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** Issues a new secret for the account, replacing any earlier one of the same purpose; returns the secret. */
    public String issue(Purpose purpose, String accountId, Duration lifetime) {
        links.deleteMany(new Document("accountId", accountId).append("purpose", purpose.name()));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        links.insertOne(new Document("_id", id(purpose, secret))
                .append("purpose", purpose.name())
                .append("accountId", accountId)
                .append("expiresAt", Date.from(clock.instant().plus(lifetime))));
        return secret;
    }

    /** Uses up the link: the account it was for, or empty if it is unknown, used already or expired. */
    public Optional<String> use(Purpose purpose, String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        Document doc = links.findOneAndDelete(new Document("_id", id(purpose, secret)));
        if (doc == null || !doc.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(doc.getString("accountId"));
    }

    /** Whether the link would work now, without using it (for showing its page). */
    public boolean valid(Purpose purpose, String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return false;
        }
        Document doc = links.find(new Document("_id", id(purpose, secret))).first();
        return doc != null && doc.getDate("expiresAt").toInstant().isAfter(clock.instant());
    }

    private static String id(Purpose purpose, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return purpose.name() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
