package uk.encounters.encounter.employer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.platform.web.ProblemException.FieldError;

/** An organisation whose people volunteer; its sector and size feed engagement reporting. */
@Aggregate
public class Employer {

    static final int MAX_TEXT = 200;

    @AggregateIdentifier
    private String employerId;

    protected Employer() {
        // for Axon
    }

    @CommandHandler
    public Employer(RegisterEmployer command) {
        List<FieldError> errors = new ArrayList<>();
        String name = strip(command.name());
        if (name.isEmpty() || name.length() > MAX_TEXT) {
            errors.add(new FieldError("name", "An employer needs a name of 1 to " + MAX_TEXT + " characters."));
        }
        String sector = strip(command.sector());
        if (sector.isEmpty() || sector.length() > MAX_TEXT) {
            errors.add(new FieldError("sector", "Say which sector the employer works in (1 to " + MAX_TEXT
                    + " characters)."));
        }
        if (command.size() == null) {
            errors.add(new FieldError("size", "Size is one of SELF_EMPLOYED, MICRO, SMALL, MEDIUM or LARGE."));
        }
        Optional<String> postcode = Postcodes.normalise(command.postcode());
        if (postcode.isEmpty()) {
            errors.add(new FieldError("postcode", "A UK postcode looks like TS1 3BA."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.getFirst().message(), errors);
        }
        apply(new EmployerRegistered(command.employerId(), name, sector, command.size(), postcode.get(),
                command.registeredAt()));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    @EventSourcingHandler
    void on(EmployerRegistered event) {
        employerId = event.employerId();
    }
}
