package uk.encounters.school.hub;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.encounters.platform.web.ProblemException;

/** A Careers Hub: the schools and colleges of one area, watched by its coordinators. */
@Aggregate
public class Hub {

    static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private String hubId;

    protected Hub() {
        // for Axon
    }

    @CommandHandler
    public Hub(RegisterHub command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw ProblemException.unprocessable("name", "A hub needs a name of 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        apply(new HubRegistered(command.hubId(), name, command.registeredAt()));
    }

    @EventSourcingHandler
    void on(HubRegistered event) {
        hubId = event.hubId();
    }
}
