package uk.encounters.identity.signin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;
import uk.encounters.identity.IdentityProperties;

/**
 * Counts failed sign-ins per email and per client address in MongoDB, so a lock holds across restarts and nodes.
 * After too many failures within the window the key is locked; each further lock before a successful sign-in lasts
 * twice as long as the one before, up to a ceiling. Unknown emails are counted like known ones, so locking reveals
 * nothing about which emails have accounts.
 */
@Component
public class LoginThrottle {

    static final String COLLECTION = "login_failures";

    private final MongoCollection<Document> failures;
    private final IdentityProperties.Throttle settings;
    private final Clock clock;

    public LoginThrottle(MongoDatabase database, IdentityProperties properties, Clock clock) {
        this.failures = database.getCollection(COLLECTION);
        this.settings = properties.throttle();
        this.clock = clock;
    }

    static String accountKey(String emailKey) {
        return "account:" + emailKey;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    public boolean locked(String emailKey, String address) {
        Instant now = clock.instant();
        return lockedNow(accountKey(emailKey), now) || (address != null && lockedNow(addressKey(address), now));
    }

    public void failed(String emailKey, String address) {
        Instant now = clock.instant();
        count(accountKey(emailKey), settings.accountFailures(), now);
        if (address != null) {
            count(addressKey(address), settings.addressFailures(), now);
        }
    }

    /** A successful sign-in clears the email's count and lock history; the address keeps counting. */
    public void succeeded(String emailKey) {
        failures.deleteOne(new Document("_id", accountKey(emailKey)));
    }

    private boolean lockedNow(String key, Instant now) {
        Document doc = failures.find(new Document("_id", key)).first();
        Date until = doc == null ? null : doc.getDate("lockedUntil");
        return until != null && until.toInstant().isAfter(now);
    }

    private void count(String key, int limit, Instant now) {
        // The increment is atomic; the window and lock bookkeeping after it may race with a parallel failure,
        // which at worst counts one failure fewer.
        Document before = failures.findOneAndUpdate(new Document("_id", key),
                Updates.combine(Updates.inc("failures", 1), Updates.setOnInsert("windowStart", Date.from(now)),
                        Updates.setOnInsert("locks", 0)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        int count = before == null ? 1 : before.getInteger("failures", 0) + 1;
        Date windowStart = before == null ? null : before.getDate("windowStart");
        if (windowStart != null && windowStart.toInstant().plus(settings.window()).isBefore(now)) {
            failures.updateOne(new Document("_id", key),
                    Updates.combine(Updates.set("failures", 1), Updates.set("windowStart", Date.from(now))));
            count = 1;
        }
        if (count >= limit) {
            int locks = before == null ? 0 : before.getInteger("locks", 0);
            failures.updateOne(new Document("_id", key), Updates.combine(
                    Updates.set("failures", 0),
                    Updates.set("windowStart", Date.from(now)),
                    Updates.set("lockedUntil", Date.from(now.plus(lockLength(locks)))),
                    Updates.inc("locks", 1)));
        }
    }

    /** The first lock lasts {@code firstLock}, each later one twice the one before, never more than the ceiling. */
    Duration lockLength(int earlierLocks) {
        Duration length = settings.firstLock();
        for (int i = 0; i < earlierLocks && length.compareTo(settings.longestLock()) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(settings.longestLock()) > 0 ? settings.longestLock() : length;
    }
}
