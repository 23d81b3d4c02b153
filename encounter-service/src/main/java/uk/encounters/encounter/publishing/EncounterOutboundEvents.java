package uk.encounters.encounter.publishing;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.encounter.EncounterEvent;
import uk.encounters.encounter.employer.EmployerRegistered;
import uk.encounters.encounter.encounter.AttendanceCorrected;
import uk.encounters.encounter.encounter.EncounterCancelled;
import uk.encounters.encounter.encounter.EncounterRecorded;
import uk.encounters.encounter.encounter.EncounterScheduled;
import uk.encounters.encounter.encounter.EncounterWithdrawn;
import uk.encounters.encounter.encounter.MeaningfulnessOverridden;
import uk.encounters.encounter.offer.EmployerOffered;
import uk.encounters.encounter.offer.OfferWithdrawn;

/**
 * What encounter-service tells the world. The schools' answers to offers are not republished: school-service
 * published them first. Employers' postcodes do go out (an organisation's address, not personal data) so that
 * reporting can map engagement by area.
 */
@Component
class EncounterOutboundEvents implements uk.encounters.platform.messaging.OutboundEvents {

    @Override
    public Optional<EncounterEvent> map(EventMessage<?> message) {
        return Optional.ofNullable(switch (message.getPayload()) {
            case EmployerRegistered e -> new uk.encounters.contracts.encounter.EmployerRegistered(e.employerId(),
                    e.name(), e.sector(), e.size(), e.postcode());
            case EmployerOffered e -> new uk.encounters.contracts.encounter.EmployerOffered(e.offerId(),
                    e.employerId(), e.shoutOutId(), e.schoolId(), e.proposedDate(), e.message(), e.activityType(),
                    e.title(), e.places(), e.mode());
            case OfferWithdrawn e -> new uk.encounters.contracts.encounter.OfferWithdrawn(e.offerId(), e.employerId(),
                    e.shoutOutId(), e.schoolId(), e.reason());
            case EncounterScheduled e -> new uk.encounters.contracts.encounter.EncounterScheduled(e.encounterId(),
                    e.schoolId(), e.employerId(), e.shoutOutId(), e.offerId(), e.activityType(), e.date(), e.mode(),
                    e.location());
            case EncounterCancelled e -> new uk.encounters.contracts.encounter.EncounterCancelled(e.encounterId(),
                    e.schoolId(), e.employerId(), e.cancelledBy(), e.reason(), e.scheduledDate(), e.cancelledOn());
            case EncounterRecorded e -> new uk.encounters.contracts.encounter.EncounterRecorded(e.encounterId(),
                    e.schoolId(), e.employerId(), e.sector(), e.employerSize(), e.shoutOutId(), e.offerId(),
                    e.activityType(), e.benchmarks(), e.date(), e.academicYear(), e.hours(), e.mode(), e.location(),
                    e.curriculumArea(), e.attendees(), e.checklist(), e.meaningful(), e.framework());
            case AttendanceCorrected e -> new uk.encounters.contracts.encounter.AttendanceCorrected(e.encounterId(),
                    e.schoolId(), e.attendees(), e.reason());
            case EncounterWithdrawn e -> new uk.encounters.contracts.encounter.EncounterWithdrawn(e.encounterId(),
                    e.schoolId(), e.reason());
            case MeaningfulnessOverridden e -> new uk.encounters.contracts.encounter.MeaningfulnessOverridden(
                    e.encounterId(), e.schoolId(), e.benchmark(), e.meaningful(), e.reason());
            default -> null;
        });
    }
}
