package uk.encounters.encounter.encounter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.encounter.board.Board;
import uk.encounters.encounter.employer.EmployerDirectory;
import uk.encounters.encounter.employer.EmployerDirectory.EmployerProfile;
import uk.encounters.encounter.offer.OfferDirectory;
import uk.encounters.encounter.offer.OfferDirectory.OfferParties;
import uk.encounters.encounter.roster.Roster;
import uk.encounters.encounter.roster.Roster.RosterCheck;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.platform.web.ProblemException.FieldError;

/**
 * An employer encounter: scheduled when a school accepts an offer (or not at all, when recorded directly), then
 * recorded with its register and checklist once it has taken place, or cancelled. After recording, corrections are
 * events: a new register, a withdrawal, a careers leader's override of the checklist's result.
 * <p>
 * Register checks read the roster view and directories passed to the handlers; ids and times come in the commands.
 */
@Aggregate
public class Encounter {

    /** Dates are school dates: "today" is today in England, whatever the server's zone. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    /**
     * Plausible hours for one encounter: a quarter-hour talk up to a full working week of placement (a week's worth of
     * work experience is 25 hours; a working week rarely exceeds 40). Longer placements are recorded week by week,
     * which is also how the per-key-stage hours add up.
     */
    static final BigDecimal MIN_HOURS = new BigDecimal("0.25");
    static final BigDecimal MAX_HOURS = new BigDecimal("40");
    /** A large school's whole roll, with room to spare; beyond that a register is a mistake, not an assembly. */
    static final int MAX_ATTENDEES = 5_000;
    static final int MAX_TEXT = 200;
    /** The roster view catches up within seconds of a roll upload; tell clients to come back after this. */
    static final Duration ROSTER_RETRY_AFTER = Duration.ofSeconds(5);

    /** Public for the read side, which shows these states as they are named here. */
    public enum Status { SCHEDULED, CANCELLED, RECORDED, WITHDRAWN }

    @AggregateIdentifier
    private String encounterId;
    private String schoolId;
    private String employerId;
    private String shoutOutId;
    private String offerId;
    private ActivityType activityType;
    private LocalDate date;
    private DeliveryMode mode;
    private String location;
    private Set<Benchmark> benchmarks = EnumSet.noneOf(Benchmark.class);
    private Status status;

    protected Encounter() {
        // for Axon, and for a recording that creates the encounter
    }

    @CommandHandler
    public Encounter(ScheduleEncounter command) {
        apply(new EncounterScheduled(command.encounterId(), command.schoolId(), command.employerId(),
                command.shoutOutId(), command.offerId(), command.activityType(), command.date(), command.mode(),
                command.location(), command.scheduledAt()));
    }

    /** Returns the days of notice given, as the cancellation records them. */
    @CommandHandler
    long handle(CancelEncounter command) {
        switch (status) {
            case SCHEDULED -> {
            }
            case CANCELLED -> throw ProblemException.conflict("This encounter was cancelled already.");
            case RECORDED, WITHDRAWN -> throw ProblemException.conflict("This encounter has been recorded as "
                    + "having taken place; withdraw the record instead if it should not count.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (command.cancelledBy() == null) {
            errors.add(new FieldError("cancelledBy", "Say who cancelled: SCHOOL or EMPLOYER."));
        }
        if (isBlank(command.reason())) {
            errors.add(new FieldError("reason", "Say why the encounter is cancelled."));
        }
        rejectIfAny(errors);
        LocalDate cancelledOn = today(command.cancelledAt());
        apply(new EncounterCancelled(encounterId, schoolId, employerId, command.cancelledBy(),
                command.reason().strip(), date, cancelledOn));
        return ChronoUnit.DAYS.between(cancelledOn, date);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordEncounter command, EmployerDirectory employers, OfferDirectory offers, Board board,
                Roster roster) {
        if (status == Status.RECORDED || status == Status.WITHDRAWN) {
            throw ProblemException.conflict("Encounter " + command.encounterId() + " has been recorded already; "
                    + "correct its register instead.");
        }
        if (status == Status.CANCELLED) {
            throw ProblemException.conflict("Encounter " + command.encounterId() + " was cancelled; if it took "
                    + "place after all, record it without the offer.");
        }
        boolean scheduled = status == Status.SCHEDULED;
        String shoutOut = scheduled ? shoutOutId : blankToNull(command.shoutOutId());
        String offer = scheduled ? offerId : blankToNull(command.offerId());
        ActivityType activity = command.activityType() != null || !scheduled ? command.activityType() : activityType;
        DeliveryMode deliveredAs = command.mode() != null || !scheduled ? command.mode() : mode;
        String where = !isBlank(command.location()) ? command.location().strip() : scheduled ? location : null;
        List<FieldError> errors = new ArrayList<>();

        if (isBlank(command.schoolId())) {
            errors.add(new FieldError("schoolId", "Say which school recorded the encounter."));
        } else if (scheduled && !schoolId.equals(command.schoolId())) {
            errors.add(new FieldError("schoolId", "This encounter was scheduled with another school."));
        }
        Optional<EmployerProfile> employer = employers.find(command.employerId());
        if (employer.isEmpty()) {
            errors.add(new FieldError("employerId", "There is no employer with id " + command.employerId() + "."));
        } else if (scheduled && !employerId.equals(command.employerId())) {
            errors.add(new FieldError("employerId", "This encounter was scheduled with another employer."));
        }
        if (!scheduled) {
            errors.addAll(offerProblems(offer, command, offers));
            errors.addAll(shoutOutProblems(shoutOut, command.schoolId(), board));
        }
        if (activity == null) {
            errors.add(new FieldError("activityType", "Say which activity took place."));
        }
        if (deliveredAs == null) {
            errors.add(new FieldError("mode", "Mode is one of IN_PERSON, VIRTUAL or HYBRID."));
        }
        LocalDate on = command.date();
        if (on == null) {
            errors.add(new FieldError("date", "Say when the encounter took place."));
        } else if (on.isAfter(today(command.recordedAt()))) {
            errors.add(new FieldError("date", "The date " + on + " is in the future; record an encounter once it "
                    + "has taken place."));
        }
        if (command.benchmarks() != null && command.benchmarks().stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("benchmarks", "Benchmarks are GB5 and GB6."));
        }
        errors.addAll(hoursProblems(command.hours()));
        if (command.curriculumArea() != null && command.curriculumArea().strip().length() > MAX_TEXT) {
            errors.add(new FieldError("curriculumArea", "A curriculum area is at most " + MAX_TEXT + " characters."));
        }
        if (where != null && where.length() > MAX_TEXT) {
            errors.add(new FieldError("location", "A location is at most " + MAX_TEXT + " characters."));
        }
        FrameworkVersion framework = on == null ? null : FrameworkVersion.forAcademicYear(AcademicYears.containing(on));
        if (framework != null) {
            errors.addAll(Checklist.problems(command.checklist(), framework));
        }
        List<FieldError> registerProblems = registerProblems(command.attendees());
        errors.addAll(registerProblems);
        if (registerProblems.isEmpty() && on != null && !isBlank(command.schoolId())) {
            checkRoll(roster, command.schoolId(), on, command.attendees(), errors);
        }
        rejectIfAny(errors);

        List<Benchmark> tagged = (command.benchmarks() == null || command.benchmarks().isEmpty()
                ? activity.defaultBenchmarks() : command.benchmarks()).stream().sorted().toList();
        Map<String, Boolean> answers = command.checklist() == null ? Map.of() : new LinkedHashMap<>(command.checklist());
        apply(new EncounterRecorded(command.encounterId(), command.schoolId(), command.employerId(),
                employer.get().sector(), employer.get().size(), shoutOut, offer, activity, tagged, on,
                AcademicYears.containing(on), command.hours(), deliveredAs, where,
                isBlank(command.curriculumArea()) ? null : command.curriculumArea().strip(),
                List.copyOf(command.attendees()), answers, Checklist.evaluate(answers, tagged, framework), framework,
                command.recordedAt()));
    }

    @CommandHandler
    void handle(CorrectAttendance command, Roster roster) {
        requireRecorded("correct its register");
        List<FieldError> errors = new ArrayList<>();
        if (isBlank(command.reason())) {
            errors.add(new FieldError("reason", "Say why the register is corrected."));
        }
        List<FieldError> registerProblems = registerProblems(command.attendees());
        errors.addAll(registerProblems);
        if (registerProblems.isEmpty()) {
            checkRoll(roster, schoolId, date, command.attendees(), errors);
        }
        rejectIfAny(errors);
        apply(new AttendanceCorrected(encounterId, schoolId, List.copyOf(command.attendees()),
                command.reason().strip(), command.correctedAt()));
    }

    @CommandHandler
    void handle(WithdrawEncounter command) {
        requireRecorded("withdraw it");
        if (isBlank(command.reason())) {
            throw ProblemException.unprocessable("reason", "Say why the encounter should not count.");
        }
        apply(new EncounterWithdrawn(encounterId, schoolId, command.reason().strip(), command.withdrawnAt()));
    }

    @CommandHandler
    void handle(OverrideMeaningfulness command) {
        requireRecorded("override its checklist");
        List<FieldError> errors = new ArrayList<>();
        if (command.benchmark() == null) {
            errors.add(new FieldError("benchmark", "Say which benchmark the override is for: GB5 or GB6."));
        } else if (!benchmarks.contains(command.benchmark())) {
            errors.add(new FieldError("benchmark", "This encounter is tagged " + benchmarks.stream().sorted().toList()
                    + ", not " + command.benchmark() + "."));
        }
        if (command.meaningful() == null) {
            errors.add(new FieldError("meaningful", "Say whether the encounter was meaningful: true or false."));
        }
        if (isBlank(command.reason())) {
            errors.add(new FieldError("reason", "An override needs a written reason; it is kept as evidence."));
        }
        rejectIfAny(errors);
        apply(new MeaningfulnessOverridden(encounterId, schoolId, command.benchmark(), command.meaningful(),
                command.reason().strip(), command.overriddenAt()));
    }

    private void requireRecorded(String wanted) {
        switch (status) {
            case RECORDED -> {
            }
            case WITHDRAWN -> throw ProblemException.conflict("This encounter was withdrawn; nothing can change it.");
            case SCHEDULED, CANCELLED -> throw ProblemException.conflict("This encounter has not been recorded as "
                    + "having taken place, so you cannot " + wanted + " yet.");
        }
    }

    private static List<FieldError> offerProblems(String offer, RecordEncounter command, OfferDirectory offers) {
        if (offer == null) {
            return List.of();
        }
        // Another school's offer, and an employer's own activity named with another employer, read exactly like an
        // offer that does not exist: neither is this school's to learn of.
        Optional<OfferParties> parties = offers.find(offer).filter(p -> p.schoolId() == null
                ? p.employerId().equals(command.employerId()) : p.schoolId().equals(command.schoolId()));
        if (parties.isEmpty()) {
            return List.of(new FieldError("offerId", "There is no offer with id " + offer + "."));
        }
        if (!parties.get().employerId().equals(command.employerId())) {
            return List.of(new FieldError("offerId", "Offer " + offer + " was made by another employer."));
        }
        return List.of();
    }

    private static List<FieldError> shoutOutProblems(String shoutOut, String schoolId, Board board) {
        if (shoutOut == null) {
            return List.of();
        }
        return board.shoutOut(shoutOut)
                .map(s -> s.schoolId().equals(schoolId) ? List.<FieldError>of()
                        : List.of(new FieldError("shoutOutId", "Shout-out " + shoutOut + " is another school's.")))
                .orElse(List.of(new FieldError("shoutOutId", "There is no shout-out with id " + shoutOut + ".")));
    }

    private static List<FieldError> hoursProblems(BigDecimal hours) {
        if (hours == null) {
            return List.of(new FieldError("hours", "Say how many hours the encounter lasted."));
        }
        if (hours.compareTo(MIN_HOURS) < 0 || hours.compareTo(MAX_HOURS) > 0) {
            return List.of(new FieldError("hours", "Hours must be between " + MIN_HOURS + " and " + MAX_HOURS
                    + " per encounter; record a longer placement week by week."));
        }
        if (hours.stripTrailingZeros().scale() > 2) {
            return List.of(new FieldError("hours", "Give hours to at most two decimal places."));
        }
        return List.of();
    }

    /** The register's own shape: present, not too long, no blank or repeated ids. */
    private static List<FieldError> registerProblems(List<String> attendees) {
        if (attendees == null || attendees.isEmpty()) {
            return List.of(new FieldError("attendees", "List the pupils who took part."));
        }
        if (attendees.size() > MAX_ATTENDEES) {
            return List.of(new FieldError("attendees", "A register holds at most " + MAX_ATTENDEES + " pupils."));
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String id : attendees) {
            if (isBlank(id)) {
                errors.add(new FieldError("attendees", "A pupil id is blank."));
            } else if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        repeated.forEach(id -> errors.add(new FieldError("attendees", id + " is listed more than once.")));
        return errors;
    }

    /**
     * Pupils of this school off roll that day are mistakes (422). Ids this school's roll never mentioned are most
     * likely a roll upload still on its way to the roster view, so on their own they make a retryable conflict; with
     * other mistakes they are listed among them, since the request needs fixing anyway. Another school's pupil is
     * one of those: answered word for word as an id never seen, so a register tells nothing about other rolls.
     */
    private static void checkRoll(Roster roster, String schoolId, LocalDate on, List<String> attendees,
                                  List<FieldError> errors) {
        RosterCheck check = roster.check(schoolId, on, attendees);
        check.notOnRoll().forEach(id -> errors.add(new FieldError("attendees", id + " was not on this school's roll on "
                + on + ".")));
        if (check.unseen().isEmpty()) {
            return;
        }
        List<FieldError> unseen = check.unseen().stream()
                .map(id -> new FieldError("attendees", id + " is not on this school's roll as far as this service "
                        + "knows (yet)."))
                .toList();
        if (errors.isEmpty()) {
            throw new RetryableProblem(check.unseen().size() + " attendee(s) are not on this school's roll as far "
                    + "as this service has heard yet. If the school's roll was uploaded in the last few minutes, try "
                    + "again shortly; if this persists, the ids are not on the roll. Nothing was recorded.", unseen,
                    ROSTER_RETRY_AFTER);
        }
        errors.addAll(unseen);
    }

    private static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.size() == 1 ? errors.getFirst().message()
                    : errors.size() + " problems, the first: " + errors.getFirst().message(), errors);
        }
    }

    private static LocalDate today(Instant at) {
        return at.atZone(SCHOOL_ZONE).toLocalDate();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    @EventSourcingHandler
    void on(EncounterScheduled event) {
        encounterId = event.encounterId();
        schoolId = event.schoolId();
        employerId = event.employerId();
        shoutOutId = event.shoutOutId();
        offerId = event.offerId();
        activityType = event.activityType();
        date = event.date();
        mode = event.mode();
        location = event.location();
        status = Status.SCHEDULED;
    }

    @EventSourcingHandler
    void on(EncounterCancelled event) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(EncounterRecorded event) {
        encounterId = event.encounterId();
        schoolId = event.schoolId();
        employerId = event.employerId();
        shoutOutId = event.shoutOutId();
        offerId = event.offerId();
        activityType = event.activityType();
        date = event.date();
        mode = event.mode();
        location = event.location();
        benchmarks = event.benchmarks().isEmpty() ? EnumSet.noneOf(Benchmark.class) : EnumSet.copyOf(event.benchmarks());
        status = Status.RECORDED;
    }

    @EventSourcingHandler
    void on(EncounterWithdrawn event) {
        status = Status.WITHDRAWN;
    }
}
