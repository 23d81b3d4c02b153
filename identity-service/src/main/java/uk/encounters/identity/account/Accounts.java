package uk.encounters.identity.account;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
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
                    .append("createdAt", Date.from(account.createdAt()))
                    .append("invitedBy", account.invitedBy()));
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

    /**
     * Accounts by email, optionally of one role and of some tenants only (an empty collection matches none). Small
     * numbers: a platform has hundreds of accounts, not millions, so there is no paging yet.
     */
    public List<Account> list(Role role, Collection<String> tenants) {
        Document filter = new Document();
        if (role != null) {
            filter.append("role", role.name());
        }
        if (tenants != null) {
            filter.append("tenant", new Document("$in", List.copyOf(tenants)));
        }
        List<Account> found = new ArrayList<>();
        accounts.find(filter).sort(new Document("emailKey", 1)).forEach(doc -> found.add(account(doc)));
        return found;
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

    /**
     * Disables the account if it is still {@code from}, recording who did it and when on the account (and in its
     * {@code statusChanges} history); false if its status changed meanwhile.
     */
    public boolean disable(String id, AccountStatus from, String by, Instant at) {
        return accounts.updateOne(new Document("_id", id).append("status", from.name()), Updates.combine(
                Updates.set("status", AccountStatus.DISABLED.name()),
                Updates.set("disabled", new Document("by", by).append("at", Date.from(at))
                        .append("previousStatus", from.name())),
                Updates.push("statusChanges", change(AccountStatus.DISABLED, by, at)))).getModifiedCount() == 1;
    }

    /** Gives a disabled account back the status it had before; false if it is not disabled (any more). */
    public boolean enable(String id, AccountStatus to, String by, Instant at) {
        return accounts.updateOne(new Document("_id", id).append("status", AccountStatus.DISABLED.name()),
                Updates.combine(Updates.set("status", to.name()), Updates.unset("disabled"),
                        Updates.push("statusChanges", change(to, by, at)))).getModifiedCount() == 1;
    }

    private static Document change(AccountStatus status, String by, Instant at) {
        return new Document("status", status.name()).append("by", by).append("at", Date.from(at));
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
        Document disabled = doc.get("disabled", Document.class);
        return new Account(doc.getString("_id"), doc.getString("email"), doc.getString("passwordHash"),
                Role.valueOf(doc.getString("role")), doc.getString("tenant"),
                AccountStatus.valueOf(doc.getString("status")), doc.getString("organisationName"),
                created == null ? null : created.toInstant(), doc.getString("invitedBy"),
                disabled == null ? null : new Account.Disabled(disabled.getString("by"),
                        disabled.getDate("at").toInstant(),
                        AccountStatus.valueOf(disabled.getString("previousStatus"))));
    }
}
