package uk.encounters.identity.mail;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Mail that goes nowhere but a MongoDB collection, for runs without a mail server: a person reads it at
 * {@code /outbox} (when {@code encounters.identity.outbox-page} is on), and tests read it here.
 */
@Component
public class Outbox implements Mailer {

    static final String COLLECTION = "outbox";

    private final MongoCollection<Document> outbox;
    private final Clock clock;

    public Outbox(MongoDatabase database, Clock clock) {
        this.outbox = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public record Sent(String to, String subject, String text, Instant sentAt) {
    }

    @Override
    public void send(Mail mail) {
        outbox.insertOne(new Document("_id", UUID.randomUUID().toString())
                .append("to", mail.to())
                .append("subject", mail.subject())
                .append("text", mail.text())
                .append("sentAt", Date.from(clock.instant())));
    }

    /** The newest first, at most {@code limit}. */
    public List<Sent> latest(int limit) {
        List<Sent> sent = new ArrayList<>();
        outbox.find().sort(new Document("sentAt", -1)).limit(limit).forEach(doc -> sent.add(new Sent(
                doc.getString("to"), doc.getString("subject"), doc.getString("text"),
                doc.getDate("sentAt").toInstant())));
        return sent;
    }
}
