package uk.encounters.school.shoutout;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires open shout-outs whose end date has passed. Hourly rather than once after midnight, so a service that was
 * down at midnight catches up within the hour; each run reads only the open shout-outs' deadlines and sends an
 * {@link ExpireShoutOut} that does nothing where there is nothing to do, so overlapping runs (or two nodes) are
 * harmless.
 */
@Component
public class ShoutOutExpiry {

    private static final Logger log = LoggerFactory.getLogger(ShoutOutExpiry.class);

    private final CommandGateway commands;
    private final MongoCollection<Document> deadlines;
    private final ShoutOutDeadlines deadlineUpdates;
    private final Clock clock;

    ShoutOutExpiry(CommandGateway commands, MongoDatabase database, ShoutOutDeadlines deadlineUpdates, Clock clock) {
        this.commands = commands;
        this.deadlines = database.getCollection(ShoutOutDeadlines.COLLECTION);
        this.deadlineUpdates = deadlineUpdates;
        this.clock = clock;
    }

    @Scheduled(cron = "${encounters.shout-outs.expiry-cron:0 5 * * * *}", zone = "Europe/London")
    void expireEnded() {
        expireAsOf(LocalDate.now(clock.withZone(ShoutOut.SCHOOL_ZONE)));
    }

    /**
     * Expires every open shout-out whose end date is before {@code today} (a school date).
     *
     * @return how many shout-outs were asked to expire
     */
    public int expireAsOf(LocalDate today) {
        int asked = 0;
        // ISO dates compare as strings; a scan, but of open shout-outs only.
        for (Document deadline : deadlines.find(Filters.lt("endDate", today.toString()))) {
            String shoutOutId = deadline.getString("_id");
            try {
                commands.sendAndWait(new ExpireShoutOut(shoutOutId, today, clock.instant()));
                asked++;
            } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
                deadlineUpdates.closed(shoutOutId); // the event store no longer has it: nothing will ever expire it
            } catch (RuntimeException e) {
                // One shout-out must not hold up the others; the next run tries it again.
                log.warn("Could not expire shout-out {}", shoutOutId, e);
            }
        }
        return asked;
    }
}
