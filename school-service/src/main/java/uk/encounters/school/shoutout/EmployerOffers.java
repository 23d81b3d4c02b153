package uk.encounters.school.shoutout;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.encounter.EmployerOffered;
import uk.encounters.contracts.encounter.OfferWithdrawn;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * Brings employers' offers (and their withdrawals) from encounter-service onto the shout-outs they answer. Offers
 * on an employer's own activity (no shout-out) are not the school's business here.
 * <p>
 * Redelivery is harmless: the shout-out ignores an offer it holds already. An offer for a shout-out this service
 * never had is recorded nowhere: it cannot become valid by waiting (encounter-service learns of shout-outs only
 * from what we published), so retrying would only hold up the partition and dead-lettering would page someone
 * about an employer's stale link. It is logged and counted ({@value #UNKNOWN_SHOUT_OUT}) instead.
 */
@Component
class EmployerOffers {

    static final String UNKNOWN_SHOUT_OUT = "school.offers.unknown-shout-out";

    private static final Logger log = LoggerFactory.getLogger(EmployerOffers.class);

    private final CommandGateway commands;
    private final Clock clock;
    private final ObjectProvider<MeterRegistry> meters;

    EmployerOffers(CommandGateway commands, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.commands = commands;
        this.clock = clock;
        this.meters = meters;
    }

    @KafkaListener(id = "school-shout-out-offers", topics = "${encounters.topics.encounter:encounter.events}")
    void on(ReceivedEvent<?> received) {
        switch (received.event()) {
            case EmployerOffered e when e.shoutOutId() != null -> send(received, e.shoutOutId(),
                    new ReceiveOffer(e.shoutOutId(), e.offerId(), e.employerId(), e.proposedDate(), e.message(),
                            e.places(), clock.instant()));
            case OfferWithdrawn e when e.shoutOutId() != null -> send(received, e.shoutOutId(),
                    new WithdrawOffer(e.shoutOutId(), e.offerId(), e.reason(), clock.instant()));
            default -> {
                // an employer's own activity, or an encounter: nothing for a shout-out
            }
        }
    }

    private void send(ReceivedEvent<?> received, String shoutOutId, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // Incompatible: the id names another kind of stream (a school's, a hub's), so still no shout-out.
            log.warn("Ignored {}: there is no shout-out {}", received, shoutOutId);
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                registry.counter(UNKNOWN_SHOUT_OUT, "type", received.type().name()).increment();
            }
        }
    }
}
