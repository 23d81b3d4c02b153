package uk.encounters.school.institution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.school.shoutout.PostShoutOut;
import uk.encounters.school.shoutout.ShoutOut;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.platform.web.ProblemException.FieldError;

/**
 * A school or college. URN uniqueness and the hub's existence span several streams and are checked by
 * {@link SchoolRegistration} before this aggregate is created; the rules of one registration live here.
 */
@Aggregate
public class School {

    public static final int FIRST_YEAR_GROUP = 7;
    public static final int LAST_YEAR_GROUP = 13;

    @AggregateIdentifier
    private String schoolId;
    private String hubId;
    private SortedSet<Integer> yearGroups;

    protected School() {
        // for Axon
    }

    @CommandHandler
    public School(RegisterSchool command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.urn() == null || !Urns.isValid(command.urn())) {
            errors.add(new FieldError("urn", "A URN is the school's 6-digit Unique Reference Number."));
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "A school needs a name of 1 to 200 characters."));
        }
        if (command.type() == null) {
            errors.add(new FieldError("type", "Type is one of SCHOOL, SPECIAL_SCHOOL or COLLEGE."));
        }
        if (command.hubId() == null || command.hubId().isBlank()) {
            errors.add(new FieldError("hubId", "A school belongs to a hub."));
        }
        SortedSet<Integer> years = new TreeSet<>(command.yearGroups() == null ? List.of() : command.yearGroups());
        if (years.stream().anyMatch(year -> year < FIRST_YEAR_GROUP || year > LAST_YEAR_GROUP)) {
            errors.add(new FieldError("yearGroups", "Year groups are 7 to 13."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.getFirst().message(), errors);
        }
        if (years.isEmpty()) {
            years = usualYearGroups(command.type());
        }
        apply(new SchoolRegistered(command.schoolId(), command.urn(), name, command.type(), command.hubId(),
                years, command.registeredAt()));
    }

    /** What a school of this type usually teaches, where registration names nothing. */
    static SortedSet<Integer> usualYearGroups(SchoolType type) {
        int first = type == SchoolType.COLLEGE ? 12 : FIRST_YEAR_GROUP;
        TreeSet<Integer> years = new TreeSet<>();
        for (int year = first; year <= LAST_YEAR_GROUP; year++) {
            years.add(year);
        }
        return years;
    }

    @CommandHandler
    void handle(PostShoutOut command) throws Exception {
        if (command.yearGroups() != null) {
            List<Integer> untaught = command.yearGroups().stream().filter(y -> !yearGroups.contains(y)).sorted().toList();
            if (!untaught.isEmpty()) {
                throw ProblemException.unprocessable("yearGroups",
                        "This school does not teach year group(s) " + untaught + "; it teaches " + yearGroups + ".");
            }
        }
        createNew(ShoutOut.class, () -> new ShoutOut(command, hubId));
    }

    /** Moving to the hub the school is in already changes nothing, so a repeated request is harmless. */
    @CommandHandler
    void handle(MoveSchoolToHub command) {
        if (command.hubId() == null || command.hubId().isBlank()) {
            throw ProblemException.unprocessable("hubId", "Name the hub the school moves to.");
        }
        if (command.hubId().equals(hubId)) {
            return;
        }
        apply(new SchoolMovedHub(schoolId, hubId, command.hubId(), command.movedAt()));
    }

    @EventSourcingHandler
    void on(SchoolRegistered event) {
        schoolId = event.schoolId();
        hubId = event.hubId();
        yearGroups = event.yearGroups();
    }

    @EventSourcingHandler
    void on(SchoolMovedHub event) {
        hubId = event.hubId();
    }
}
