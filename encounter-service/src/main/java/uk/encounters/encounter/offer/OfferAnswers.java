package uk.encounters.encounter.offer;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.encounter.encounter.EncounterIds;
import uk.encounters.encounter.encounter.ScheduleEncounter;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * Learns the schools' answers from school-service and, on acceptance, schedules the encounter. Idempotent without a
 * deduplication table: accepting an accepted offer changes nothing and returns its terms again, and the encounter's
 * id is derived from the offer, so a redelivered acceptance finds it scheduled (or recorded) already.
 */
@Component
class OfferAnswers {

    private static final Logger log = LoggerFactory.getLogger(OfferAnswers.class);

    private final CommandGateway commands;
    private final Clock clock;

    OfferAnswers(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @KafkaListener(id = "encounter-offer-answers", topics = "${encounters.topics.school:school.events}")
    void on(ReceivedEvent<?> received) {
        switch (received.event()) {
            case uk.encounters.contracts.school.OfferAccepted e -> accepted(e);
            case uk.encounters.contracts.school.OfferDeclined e -> ifOurs(e.offerId(), () -> commands.sendAndWait(
                    new DeclineOffer(e.offerId(), e.schoolId(), e.reason(), clock.instant())));
            default -> {
                // only answers to offers matter here
            }
        }
    }

    private void accepted(uk.encounters.contracts.school.OfferAccepted e) {
        ifOurs(e.offerId(), () -> {
            Optional<AcceptedOffer> terms = commands.sendAndWait(
                    new AcceptOffer(e.offerId(), e.schoolId(), e.shoutOutId(), clock.instant()));
            if (terms == null || terms.isEmpty()) {
                log.info("Offer {} was accepted by school {} but is no longer open; nothing scheduled",
                        e.offerId(), e.schoolId());
                return;
            }
            AcceptedOffer offer = terms.get();
            try {
                commands.sendAndWait(new ScheduleEncounter(EncounterIds.forOffer(offer.offerId(), offer.schoolId()),
                        offer.schoolId(), offer.employerId(), offer.shoutOutId(), offer.offerId(),
                        offer.activityType(), offer.date(), offer.mode(), offer.location(), clock.instant()));
            } catch (AggregateStreamCreationException alreadyThere) {
                // Scheduled by an earlier delivery, or recorded by the school before the acceptance reached us.
            }
        });
    }

    /** Offers made elsewhere (or never) are not ours to track; skipping them must not dead-letter the record. */
    private static void ifOurs(String offerId, Runnable action) {
        try {
            action.run();
        } catch (AggregateNotFoundException notOurs) {
            log.warn("School-service answered offer {}, which this service never made", offerId);
        }
    }
}
