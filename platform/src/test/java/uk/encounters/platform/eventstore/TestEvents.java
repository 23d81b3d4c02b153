package uk.encounters.platform.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;

/** Test events and helpers to build Axon messages for them. */
final class TestEvents {

    record ThingHappened(String aggregateId, long sequence, String note) {
    }

    record SomethingAnnounced(String text, Instant at) {
    }

    private TestEvents() {
    }

    static DomainEventMessage<ThingHappened> thing(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, sequence,
                new ThingHappened(aggregateId, sequence, "n" + sequence));
    }

    static DomainEventMessage<ThingHappened> thingAt(String aggregateId, long sequence, Instant timestamp) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, sequence,
                new ThingHappened(aggregateId, sequence, "n" + sequence), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), timestamp);
    }

    static List<DomainEventMessage<?>> things(String aggregateId, long firstSequence, int count) {
        return java.util.stream.LongStream.range(firstSequence, firstSequence + count)
                                          .<DomainEventMessage<?>>mapToObj(s -> thing(aggregateId, s))
                                          .toList();
    }

    static EventMessage<SomethingAnnounced> announcement(String text) {
        return GenericEventMessage.asEventMessage(new SomethingAnnounced(text, Instant.parse("2026-03-01T09:00:00Z")));
    }
}
