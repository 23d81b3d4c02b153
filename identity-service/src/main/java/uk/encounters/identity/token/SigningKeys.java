package uk.encounters.identity.token;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs every token, generated on the first start and kept in MongoDB so that tokens issued before
 * a restart still validate after it. One key for now: Nimbus refuses to pick between several RS256 signing keys,
 * so rotation (publish the next key, then sign with it) needs a key selector when it comes.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String COLLECTION = "signing_keys";
    static final String CURRENT = "current";

    private final JWKSet keys;

    public SigningKeys(MongoDatabase database, Clock clock) {
        MongoCollection<Document> collection = database.getCollection(COLLECTION);
        RSAKey key = load(collection);
        if (key == null) {
            RSAKey generated = generate();
            try {
                collection.insertOne(new Document("_id", CURRENT).append("jwk", generated.toJSONString())
                        .append("createdAt", Date.from(clock.instant())));
                log.info("Generated signing key {}", generated.getKeyID());
                key = generated;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                key = load(collection); // another node generated one at the same moment: use theirs
            }
        }
        this.keys = new JWKSet(key);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys);
    }

    /** The public half, e.g. for checking a token in a test. */
    public RSAKey publicKey() {
        return ((RSAKey) keys.getKeys().getFirst()).toPublicJWK();
    }

    private static RSAKey load(MongoCollection<Document> collection) {
        Document doc = collection.find(new Document("_id", CURRENT)).first();
        if (doc == null) {
            return null;
        }
        try {
            return RSAKey.parse(doc.getString("jwk"));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored signing key cannot be read", e);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
