package uk.encounters.encounter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.encounter.CancelledBy;
import uk.encounters.encounter.encounter.CancelEncounter;
import uk.encounters.encounter.encounter.CorrectAttendance;
import uk.encounters.encounter.encounter.EncounterIds;
import uk.encounters.encounter.encounter.OverrideMeaningfulness;
import uk.encounters.encounter.encounter.RecordEncounter;
import uk.encounters.encounter.encounter.WithdrawEncounter;
import uk.encounters.encounter.reads.EncounterReads;
import uk.encounters.encounter.reads.EncounterReads.EncounterDetail;
import uk.encounters.encounter.reads.EncounterReads.SchoolEncounter;
import uk.encounters.platform.web.ProblemException;

@RestController
class EncounterController {

    private final CommandGateway commands;
    private final Clock clock;
    private final Access access;
    private final EncounterReads reads;

    EncounterController(CommandGateway commands, Clock clock, Access access, EncounterReads reads) {
        this.commands = commands;
        this.clock = clock;
        this.access = access;
        this.reads = reads;
    }

    /**
     * The school's encounters, newest date first (then by id), optionally of one academic year ({@code 2026/27} or
     * {@code 2026-27}). The list follows the commands by milliseconds.
     */
    @GetMapping("/api/v1/schools/{schoolId}/encounters")
    List<SchoolEncounter> schoolEncounters(@PathVariable String schoolId,
                                           @RequestParam(required = false) String academicYear) {
        access.schoolItself(schoolId);
        return reads.bySchool(schoolId, academicYear == null || academicYear.isBlank() ? null
                : academicYear(academicYear));
    }

    /** The encounter now, from its own events: in full for its school, without the register for its employer. */
    @GetMapping("/api/v1/encounters/{encounterId}")
    EncounterDetail encounter(@PathVariable String encounterId) {
        Access.Party party = access.encounterReader(encounterId);
        EncounterDetail detail = reads.find(encounterId)
                .orElseThrow(() -> ProblemException.notFound("There is no encounter with id " + encounterId + "."));
        return party == Access.Party.SCHOOL ? detail : detail.withoutRegister();
    }

    private static String academicYear(String value) {
        String year = value.strip().replace('-', '/');
        try {
            AcademicYears.startYear(year);
            return year;
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("academicYear", "academicYear is written like 2026/27 (or "
                    + "2026-27); got '" + value.strip() + "'.");
        }
    }

    /**
     * Records an encounter. With an offer, the encounter is the one scheduled when the school accepted it (its id
     * is derived from offer and school), so recording completes it, even if the acceptance has not reached this
     * service yet. Without one, a given {@code encounterId} of the school's scheduled encounter completes that; a new
     * one chosen by the client is in the school's namespace ({@link Access#encounterIdOfSchool}); otherwise the
     * service chooses the id.
     */
    @PostMapping("/api/v1/encounters")
    @ResponseStatus(HttpStatus.CREATED)
    EncounterState record(@Valid @RequestBody NewEncounter request) {
        String schoolId = access.recordingSchool(request.schoolId());
        String encounterId;
        if (request.offerId() != null && !request.offerId().isBlank()) {
            encounterId = EncounterIds.forOffer(request.offerId().strip(), schoolId);
        } else if (request.encounterId() != null && !request.encounterId().isBlank()) {
            encounterId = request.encounterId().strip();
            access.encounterIdOfSchool(encounterId);
        } else {
            encounterId = UUID.randomUUID().toString();
        }
        commands.sendAndWait(new RecordEncounter(encounterId, schoolId, request.employerId(),
                request.shoutOutId(), request.offerId(), request.activityType(), request.benchmarks(), request.date(),
                request.hours(), request.mode(), request.location(), request.curriculumArea(), request.attendees(),
                request.checklist(), clock.instant()));
        return new EncounterState(encounterId, "RECORDED");
    }

    @PutMapping("/api/v1/encounters/{encounterId}/attendees")
    EncounterState correctAttendees(@PathVariable String encounterId, @Valid @RequestBody Register request) {
        access.schoolOf(encounterId);
        commands.sendAndWait(new CorrectAttendance(encounterId, request.attendees(), request.reason(), clock.instant()));
        return new EncounterState(encounterId, "RECORDED");
    }

    @PostMapping("/api/v1/encounters/{encounterId}/withdraw")
    EncounterState withdraw(@PathVariable String encounterId, @Valid @RequestBody Reason request) {
        access.schoolOf(encounterId);
        commands.sendAndWait(new WithdrawEncounter(encounterId, request.reason(), clock.instant()));
        return new EncounterState(encounterId, "WITHDRAWN");
    }

    @PostMapping("/api/v1/encounters/{encounterId}/meaningful-override")
    Overridden override(@PathVariable String encounterId, @Valid @RequestBody MeaningOverride request) {
        access.schoolOf(encounterId);
        commands.sendAndWait(new OverrideMeaningfulness(encounterId, request.benchmark(), request.meaningful(),
                request.reason(), clock.instant()));
        return new Overridden(encounterId, request.benchmark(), request.meaningful());
    }

    /** Not in API.md's table; the service's own (documented in its OpenAPI document). */
    @PostMapping("/api/v1/encounters/{encounterId}/cancel")
    Cancellation cancel(@PathVariable String encounterId, @Valid @RequestBody Cancel request) {
        CancelledBy cancelledBy = access.cancelling(encounterId, request.cancelledBy());
        long noticeDays = commands.sendAndWait(new CancelEncounter(encounterId, cancelledBy, request.reason(),
                clock.instant()));
        return new Cancellation(encounterId, "CANCELLED", cancelledBy, noticeDays);
    }

    /** Room for a chosen id: a school id of up to 64 characters, a colon and a key of up to 64. */
    record NewEncounter(@Size(max = 129) String encounterId, String schoolId, String employerId, String shoutOutId,
                        String offerId, ActivityType activityType, Set<Benchmark> benchmarks, LocalDate date,
                        BigDecimal hours, DeliveryMode mode, @Size(max = 200) String location,
                        String curriculumArea, List<String> attendees, Map<String, Boolean> checklist) {
    }

    record Register(List<String> attendees, @Size(max = 2000) String reason) {
    }

    record Reason(@Size(max = 2000) String reason) {
    }

    record MeaningOverride(Benchmark benchmark, Boolean meaningful, @Size(max = 2000) String reason) {
    }

    record Overridden(String encounterId, Benchmark benchmark, Boolean meaningful) {
    }

    record Cancel(CancelledBy cancelledBy, @Size(max = 2000) String reason) {
    }

    record EncounterState(String encounterId, String status) {
    }

    /** @param noticeDays days between the cancellation and the date it was due; 0 on the day, negative after */
    record Cancellation(String encounterId, String status, CancelledBy cancelledBy, long noticeDays) {
    }
}
