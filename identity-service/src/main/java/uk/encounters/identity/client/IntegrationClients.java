package uk.encounters.identity.client;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import uk.encounters.identity.IdentityProperties;
import uk.encounters.identity.account.Account;
import uk.encounters.identity.account.Accounts;
import uk.encounters.identity.account.Passwords;

/**
 * Integration clients: scripted access for an account without its password. Each belongs to one account, gets
 * client-credentials tokens that act as that account, and stores only a hash of its secret (shown once, at
 * creation). A revoked client is deleted, so it can no longer authenticate; a client whose owner is not active is
 * treated as unknown.
 */
@Component
public class IntegrationClients {

    static final String COLLECTION = "integration_clients";
    /** Client setting naming the owning account. */
    static final String OWNER_SETTING = "encounters.owner-account";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> clients;
    private final Accounts accounts;
    private final Passwords passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    public IntegrationClients(MongoDatabase database, Accounts accounts, Passwords passwords,
                              IdentityProperties properties, Clock clock) {
        this.clients = database.getCollection(COLLECTION);
        clients.createIndex(Indexes.ascending("clientId"), new IndexOptions().unique(true));
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /** A client as its owner sees it: never the secret. */
    public record ClientView(String clientId, String name, Instant createdAt) {
    }

    /** The one moment the secret exists outside the caller's hands. */
    public record NewClient(String clientId, String clientSecret, String name, Instant createdAt) {

        @Override
        public String toString() {
            return "NewClient[" + clientId + "]";
        }
    }

    public NewClient create(String ownerAccountId, String name) {
        return create(ownerAccountId, name, "cli-" + HexFormat.of().formatHex(randomBytes(8)), newSecret());
    }

    /** With a given id and secret: the bootstrap's admin client, whose credentials may come from the environment. */
    public NewClient create(String ownerAccountId, String name, String clientId, String secret) {
        Instant now = clock.instant();
        try {
            clients.insertOne(new Document("_id", UUID.randomUUID().toString())
                    .append("clientId", clientId)
                    .append("secretHash", passwords.hash(secret))
                    .append("owner", ownerAccountId)
                    .append("name", name)
                    .append("createdAt", Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new IllegalStateException("Client id " + clientId + " is taken", e);
            }
            throw e;
        }
        return new NewClient(clientId, secret, name, now);
    }

    public List<ClientView> ownedBy(String ownerAccountId) {
        List<ClientView> owned = new ArrayList<>();
        clients.find(new Document("owner", ownerAccountId)).forEach(doc -> owned.add(
                new ClientView(doc.getString("clientId"), doc.getString("name"),
                        doc.getDate("createdAt").toInstant())));
        owned.sort(Comparator.comparing(ClientView::createdAt));
        return owned;
    }

    /** Deletes the owner's client; false if the owner has no client with this id (someone else's included). */
    public boolean revoke(String ownerAccountId, String clientId) {
        Document doc = clients.find(new Document("clientId", clientId)).first();
        if (doc == null || !ownerAccountId.equals(doc.getString("owner"))) {
            return false;
        }
        return clients.deleteOne(new Document("_id", doc.getString("_id"))).getDeletedCount() == 1;
    }

    public Optional<RegisteredClient> byClientId(String clientId) {
        return registered(clients.find(new Document("clientId", clientId)).first());
    }

    public Optional<RegisteredClient> byId(String id) {
        return registered(clients.find(new Document("_id", id)).first());
    }

    /** Keeps a re-encoded secret hash (the authorization server upgrades old encodings after a match). */
    public void updateSecretHash(RegisteredClient client) {
        clients.updateOne(new Document("_id", client.getId()), Updates.set("secretHash", client.getClientSecret()));
    }

    public static String owner(RegisteredClient client) {
        return client.getClientSettings().getSetting(OWNER_SETTING);
    }

    private Optional<RegisteredClient> registered(Document doc) {
        if (doc == null) {
            return Optional.empty();
        }
        String owner = doc.getString("owner");
        if (accounts.byId(owner).filter(Account::active).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RegisteredClient.withId(doc.getString("_id"))
                .clientId(doc.getString("clientId"))
                .clientSecret(doc.getString("secretHash"))
                .clientName(doc.getString("name"))
                .clientIdIssuedAt(doc.getDate("createdAt").toInstant())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().setting(OWNER_SETTING, owner).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenLifetime()).build())
                .build());
    }

    private static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
