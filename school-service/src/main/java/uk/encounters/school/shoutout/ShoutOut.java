package uk.encounters.school.shoutout;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.platform.web.ProblemException.FieldError;

/** A school's request for employer support. Created by {@code School} when it posts one. */
@Aggregate
public class ShoutOut {

    /** Dates are school dates: a shout-out posted late on 31 August UTC was posted on 1 September in England. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    static final int MAX_PLACES = 2_000;

    @AggregateIdentifier
    private String shoutOutId;

    protected ShoutOut() {
        // for Axon
    }

    /** Posts a shout-out for a school that has already checked the year groups against what it teaches. */
    public ShoutOut(PostShoutOut command, String hubId) {
        List<FieldError> errors = problemsWith(command);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.getFirst().message(), errors);
        }
        apply(new ShoutOutPosted(command.shoutOutId(), command.schoolId(), hubId, command.title().strip(),
                command.description() == null ? "" : command.description().strip(), command.activityType(),
                command.sectors() == null ? List.of() : command.sectors().stream().map(String::strip).toList(),
                command.yearGroups().stream().sorted().distinct().toList(), command.places(), command.startDate(),
                command.endDate(), command.mode(), command.location() == null ? null : command.location().strip(),
                command.postedAt()));
    }

    static List<FieldError> problemsWith(PostShoutOut command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.title() == null || command.title().isBlank() || command.title().length() > 200) {
            errors.add(new FieldError("title", "A shout-out needs a title of 1 to 200 characters."));
        }
        if (command.activityType() == null) {
            errors.add(new FieldError("activityType", "Say which activity the school is asking for."));
        }
        if (command.mode() == null) {
            errors.add(new FieldError("mode", "Mode is one of IN_PERSON, VIRTUAL or HYBRID."));
        }
        if (command.places() < 1 || command.places() > MAX_PLACES) {
            errors.add(new FieldError("places", "Places must be between 1 and " + MAX_PLACES + "."));
        }
        if (command.yearGroups() == null || command.yearGroups().isEmpty()) {
            errors.add(new FieldError("yearGroups", "Name at least one year group."));
        }
        if (command.sectors() != null && command.sectors().stream().anyMatch(s -> s == null || s.isBlank())) {
            errors.add(new FieldError("sectors", "Sectors must not be blank."));
        }
        if (command.startDate() == null || command.endDate() == null) {
            errors.add(new FieldError(command.startDate() == null ? "startDate" : "endDate",
                    "A shout-out needs a start and an end date."));
        } else if (command.endDate().isBefore(command.startDate())) {
            errors.add(new FieldError("endDate", "The end date is before the start date."));
        } else if (command.endDate().isBefore(command.postedAt().atZone(SCHOOL_ZONE).toLocalDate())) {
            errors.add(new FieldError("endDate", "The end date has passed already."));
        }
        return errors;
    }

    @EventSourcingHandler
    void on(ShoutOutPosted event) {
        shoutOutId = event.shoutOutId();
    }
}
