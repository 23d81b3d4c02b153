package uk.encounters.school.institution;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.school.hub.Hubs;

/** Moves a school to another hub after the check that spans streams: the hub exists. */
@Service
public class SchoolHubMoves {

    private final CommandGateway commands;
    private final Hubs hubs;

    SchoolHubMoves(CommandGateway commands, Hubs hubs) {
        this.commands = commands;
        this.hubs = hubs;
    }

    public void move(MoveSchoolToHub command) {
        if (command.hubId() == null || command.hubId().isBlank()) {
            throw ProblemException.unprocessable("hubId", "Name the hub the school moves to.");
        }
        if (!hubs.exists(command.hubId())) {
            throw ProblemException.unprocessable("hubId", "There is no hub with id " + command.hubId() + ".");
        }
        commands.sendAndWait(command);
    }
}
