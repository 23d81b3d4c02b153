package uk.encounters.identity.account;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Accounts as plain MongoDB documents, {@code _id} = account id, with a unique index on the lower-cased email. Every
 * read is an {@code _id} or unique-key equality, fast on MongoDB and on the embedded server alike.
 */
@Component
public class Accounts {

    static final String COLLECTION = "accounts";

    private final MongoCollection<Document> accounts;

    public Accounts(MongoDatabase database) {
        this.accounts = database.getCollection(COLLECTION);
        accounts.createIndex(Indexes.ascending("emailKey"), new IndexOptions().unique(true));
    }

    public static String newId() {
        return "acc-" + UUID.randomUUID();
    }

    /** Inserts a new account; false if one with this email exists already. */
    public boolean insert(Account account) {
        try {
            accounts.insertOne(new Document("_id", account.id())
                    .append("email", account.email().strip())
                    .append("emailKey", Account.emailKey(account.email()))
                    .append("passwordHash", account.passwordHash())
                    .append("role", account.role().name())
                    .append("tenant", account.tenant())
                    .append("status", account.status().name())
                    .append("organisationName", account.organisationName())
                    .append("createdAt", Date.from(account.createdAt())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Account> byId(String id) {
        return Optional.ofNullable(accounts.find(new Document("_id", id)).first()).map(Accounts::account);
    }

    public Optional<Account> byEmail(String email) {
        return Optional.ofNullable(accounts.find(new Document("emailKey", Account.emailKey(email))).first())
                .map(Accounts::account);
    }

    public boolean anyWithRole(Role role) {
        return accounts.find(new Document("role", role.name())).first() != null;
    }

    /** Sets the password and activates, only from {@code from}: false if the account is no longer in that state. */
    public boolean activate(String id, AccountStatus from, String passwordHash) {
        Bson update = passwordHash == null
                ? Updates.set("status", AccountStatus.ACTIVE.name())
                : Updates.combine(Updates.set("status", AccountStatus.ACTIVE.name()),
                        Updates.set("passwordHash", passwordHash));
        return accounts.updateOne(new Document("_id", id).append("status", from.name()), update)
                .getModifiedCount() == 1;
    }

    /** A new registration for a still unconfirmed account: the latest registrant's password and details count. */
    public void replacePending(String id, String passwordHash, String organisationName) {
        accounts.updateOne(new Document("_id", id).append("status", AccountStatus.PENDING_CONFIRMATION.name()),
                Updates.combine(Updates.set("passwordHash", passwordHash),
                        Updates.set("organisationName", organisationName)));
    }

    /** Replaces a hash made with an older encoding after a successful sign-in. */
    public void replacePasswordHash(String id, String passwordHash) {
        accounts.updateOne(new Document("_id", id), Updates.set("passwordHash", passwordHash));
    }

    private static Account account(Document doc) {
        Date created = doc.getDate("createdAt");
        return new Account(doc.getString("_id"), doc.getString("email"), doc.getString("passwordHash"),
                Role.valueOf(doc.getString("role")), doc.getString("tenant"),
                AccountStatus.valueOf(doc.getString("status")), doc.getString("organisationName"),
                created == null ? null : created.toInstant());
    }
}
