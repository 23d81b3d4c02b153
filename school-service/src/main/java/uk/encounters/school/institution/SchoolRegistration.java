package uk.encounters.school.institution;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.school.hub.Hubs;

/** Registers a school after the checks that span streams: its hub exists and nobody else holds its URN. */
@Service
public class SchoolRegistration {

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Hubs hubs;
    private final UrnClaims urns;

    SchoolRegistration(CommandGateway commands, EventStore eventStore, Hubs hubs, UrnClaims urns) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.hubs = hubs;
        this.urns = urns;
    }

    public void register(RegisterSchool command) {
        if (command.hubId() != null && !hubs.exists(command.hubId())) {
            throw ProblemException.unprocessable("hubId", "There is no hub with id " + command.hubId() + ".");
        }
        if (command.urn() == null || !Urns.isValid(command.urn())) {
            commands.sendAndWait(command); // the aggregate names every invalid field
            return;
        }
        urns.claim(command.urn(), command.schoolId(), id -> startsWith(id, SchoolRegistered.class))
                .ifPresent(holder -> {
                    throw ProblemException.conflict("URN " + command.urn() + " is registered already, as school "
                            + holder + ".");
                });
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            urns.release(command.urn(), command.schoolId());
            throw e;
        }
    }

    /** Whether the stream with this id exists and began with the given event: cheap, since it reads one event. */
    private boolean startsWith(String aggregateId, Class<?> firstEvent) {
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        if (!stream.hasNext()) {
            return false;
        }
        DomainEventMessage<?> first = stream.next();
        return firstEvent.isInstance(first.getPayload());
    }
}
