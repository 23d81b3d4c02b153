package uk.encounters.reporting.coverage;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * Where a fact came from: the event that said it, its place in the publishing aggregate's stream, and when the
 * platform recorded it.
 * <p>
 * Facts of one pupil all come from their school's roll aggregate, and facts of one encounter from that encounter's
 * aggregate, so the aggregate sequence orders every history we keep; arrival order never does. The event id breaks
 * the (impossible) tie so the order stays total, and makes a redelivered event the same key as its first delivery.
 *
 * @param recordedAt when the platform recorded the event (its occurred-at); what {@code knownAt} is compared with
 * @param recordedBy the account on whose behalf it happened (the acting-user header: an opaque account id, or
 *                   {@code system}); null for entries stored before it was kept, until a rebuild reads it again
 */
public record Stamp(String eventId, String aggregateId, long sequence, Instant recordedAt, String recordedBy) {

    static final Comparator<Stamp> ORDER = Comparator.comparingLong(Stamp::sequence).thenComparing(Stamp::eventId);

    public Stamp {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** The stamp of an event as a Kafka listener receives it. */
    public static Stamp of(ReceivedEvent<?> received) {
        if (received.aggregateSequence() == null || received.occurredAt() == null) {
            throw new IllegalArgumentException(received + " has no aggregate sequence or occurred-at; coverage facts"
                    + " are ordered by them");
        }
        return new Stamp(received.eventId(), received.aggregateId(), received.aggregateSequence(),
                received.occurredAt(), received.actingUser());
    }

    /** Whether a report made at {@code knownAt} (null: now) could have used this fact. */
    boolean knownAt(Instant knownAt) {
        return knownAt == null || !recordedAt.isAfter(knownAt);
    }
}
