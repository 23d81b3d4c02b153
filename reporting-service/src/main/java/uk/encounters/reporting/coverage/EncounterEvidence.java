package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;

/**
 * An encounter behind a figure, with what a reviewer needs to check it: the framework it was judged by, the pupil's
 * year group at the time and the events that made it count (the record, the register in force, any override), each
 * with who recorded it.
 *
 * @param curriculumLinked for a college's GB5 only (null otherwise): whether it went through the learner's area
 * @param eventIds         the ids of {@code events}, as answers gave them before they named who recorded what
 */
public record EncounterEvidence(String encounterId, LocalDate date, String academicYear, int yearGroup,
                                ActivityType activityType, FrameworkVersion framework, BigDecimal hours,
                                DeliveryMode mode, String curriculumArea, Boolean curriculumLinked,
                                List<String> eventIds, List<EvidenceEvent> events) {

    public EncounterEvidence {
        eventIds = List.copyOf(eventIds);
        events = List.copyOf(events);
    }

    EncounterEvidence(String encounterId, LocalDate date, String academicYear, int yearGroup,
                      ActivityType activityType, FrameworkVersion framework, BigDecimal hours, DeliveryMode mode,
                      String curriculumArea, Boolean curriculumLinked, List<EvidenceEvent> events) {
        this(encounterId, date, academicYear, yearGroup, activityType, framework, hours, mode, curriculumArea,
                curriculumLinked, events.stream().map(EvidenceEvent::eventId).toList(), events);
    }
}
