package uk.encounters.encounter.reads;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.encounter.encounter.AttendanceCorrected;
import uk.encounters.encounter.encounter.Encounter;
import uk.encounters.encounter.encounter.EncounterCancelled;
import uk.encounters.encounter.encounter.EncounterEvent;
import uk.encounters.encounter.encounter.EncounterRecorded;
import uk.encounters.encounter.encounter.EncounterScheduled;
import uk.encounters.encounter.encounter.EncounterWithdrawn;
import uk.encounters.encounter.encounter.MeaningfulnessOverridden;

/**
 * One encounter as its stream tells it now: the latest register, the checklist with each override applied, and
 * every change with its time and reason. Read from the event store rather than a projection, so the page a careers
 * leader opens after a correction already shows it.
 */
final class EncounterFold {

    String encounterId;
    String schoolId;
    String employerId;
    String shoutOutId;
    String offerId;
    String sector;
    EmployerSize employerSize;
    ActivityType activityType;
    List<Benchmark> benchmarks = List.of();
    LocalDate date;
    BigDecimal hours;
    DeliveryMode mode;
    String location;
    String curriculumArea;
    Encounter.Status status;
    List<String> attendees = List.of();
    Map<String, Boolean> checklist = Map.of();
    final Map<Benchmark, Boolean> meaningful = new EnumMap<>(Benchmark.class);
    FrameworkVersion framework;
    final List<EncounterReads.MeaningOverride> overrides = new ArrayList<>();
    String withdrawalReason;
    final List<EncounterReads.Change> history = new ArrayList<>();

    private EncounterFold() {
    }

    /** Empty when the stream is no encounter's (an unknown id, or another kind of stream). */
    static Optional<EncounterFold> of(DomainEventStream stream) {
        EncounterFold fold = new EncounterFold();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (!(message.getPayload() instanceof EncounterEvent event)) {
                return Optional.empty();
            }
            fold.apply(event, message.getTimestamp());
        }
        return fold.status == null ? Optional.empty() : Optional.of(fold);
    }

    /** @param storedAt when the event was stored: the time of a change whose event carries none of its own */
    private void apply(EncounterEvent event, Instant storedAt) {
        switch (event) {
            case EncounterScheduled e -> {
                terms(e.encounterId(), e.schoolId(), e.employerId(), e.shoutOutId(), e.offerId());
                activityType = e.activityType();
                date = e.date();
                mode = e.mode();
                location = e.location();
                status = Encounter.Status.SCHEDULED;
                changed("SCHEDULED", e.scheduledAt(), null, null);
            }
            case EncounterCancelled e -> {
                status = Encounter.Status.CANCELLED;
                changed("CANCELLED", storedAt, e.reason(), e.cancelledBy() == null ? null : e.cancelledBy().name());
            }
            case EncounterRecorded e -> {
                terms(e.encounterId(), e.schoolId(), e.employerId(), e.shoutOutId(), e.offerId());
                sector = e.sector();
                employerSize = e.employerSize();
                activityType = e.activityType();
                benchmarks = List.copyOf(e.benchmarks());
                date = e.date();
                hours = e.hours();
                mode = e.mode();
                location = e.location();
                curriculumArea = e.curriculumArea();
                attendees = List.copyOf(e.attendees());
                checklist = new LinkedHashMap<>(e.checklist());
                meaningful.putAll(e.meaningful());
                framework = e.framework();
                status = Encounter.Status.RECORDED;
                changed("RECORDED", e.recordedAt(), null, null);
            }
            case AttendanceCorrected e -> {
                attendees = List.copyOf(e.attendees());
                changed("ATTENDANCE_CORRECTED", e.correctedAt(), e.reason(), null);
            }
            case EncounterWithdrawn e -> {
                status = Encounter.Status.WITHDRAWN;
                withdrawalReason = e.reason();
                changed("WITHDRAWN", e.withdrawnAt(), e.reason(), null);
            }
            case MeaningfulnessOverridden e -> {
                meaningful.put(e.benchmark(), e.meaningful());
                overrides.add(new EncounterReads.MeaningOverride(e.benchmark(), e.meaningful(), e.reason(),
                        e.overriddenAt()));
                changed("MEANINGFULNESS_OVERRIDDEN", e.overriddenAt(), e.reason(), null);
            }
        }
    }

    private void terms(String encounterId, String schoolId, String employerId, String shoutOutId, String offerId) {
        this.encounterId = encounterId;
        this.schoolId = schoolId;
        this.employerId = employerId;
        this.shoutOutId = shoutOutId;
        this.offerId = offerId;
    }

    private void changed(String what, Instant at, String reason, String by) {
        history.add(new EncounterReads.Change(what, at, reason, by));
    }
}
