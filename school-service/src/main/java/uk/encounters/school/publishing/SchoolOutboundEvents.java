package uk.encounters.school.publishing;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.platform.messaging.OutboundEvents;
import uk.encounters.school.hub.HubRegistered;
import uk.encounters.school.institution.SchoolMovedHub;
import uk.encounters.school.institution.SchoolRegistered;
import uk.encounters.school.shoutout.OfferAccepted;
import uk.encounters.school.shoutout.OfferDeclined;
import uk.encounters.school.shoutout.ShoutOutChanged;
import uk.encounters.school.shoutout.ShoutOutExpired;
import uk.encounters.school.shoutout.ShoutOutFilled;
import uk.encounters.school.roll.PupilDetailsChanged;
import uk.encounters.school.roll.PupilEnrolled;
import uk.encounters.school.roll.PupilLeft;
import uk.encounters.school.shoutout.ShoutOutPosted;
import uk.encounters.school.shoutout.ShoutOutWithdrawn;

/**
 * What school-service tells the world. Domain events and integration events share names but not shapes: the
 * contracts carry no pupil names, dates of birth or UPNs, and nothing only this service needs.
 */
@Component
class SchoolOutboundEvents implements OutboundEvents {

    @Override
    public Optional<SchoolEvent> map(EventMessage<?> message) {
        return Optional.ofNullable(switch (message.getPayload()) {
            case HubRegistered e -> new uk.encounters.contracts.school.HubRegistered(e.hubId(), e.name());
            case SchoolRegistered e -> new uk.encounters.contracts.school.SchoolRegistered(e.schoolId(), e.urn(),
                    e.name(), e.type(), e.hubId(), List.copyOf(e.yearGroups()));
            case ShoutOutPosted e -> new uk.encounters.contracts.school.ShoutOutPosted(e.shoutOutId(), e.schoolId(),
                    e.hubId(), e.title(), e.description(), e.activityType(), e.sectors(), e.yearGroups(),
                    e.places(), e.startDate(), e.endDate(), e.mode(), e.location());
            case SchoolMovedHub e -> new uk.encounters.contracts.school.SchoolMovedHub(e.schoolId(),
                    e.previousHubId(), e.hubId());
            case ShoutOutChanged e -> new uk.encounters.contracts.school.ShoutOutChanged(e.shoutOutId(),
                    e.schoolId(), e.title(), e.description(), e.activityType(), e.sectors(), e.yearGroups(),
                    e.places(), e.startDate(), e.endDate(), e.mode(), e.location());
            case ShoutOutWithdrawn e -> new uk.encounters.contracts.school.ShoutOutWithdrawn(e.shoutOutId(),
                    e.schoolId(), e.reason());
            case ShoutOutExpired e -> new uk.encounters.contracts.school.ShoutOutExpired(e.shoutOutId(),
                    e.schoolId(), e.endDate(), e.placesUnfilled());
            case ShoutOutFilled e -> new uk.encounters.contracts.school.ShoutOutFilled(e.shoutOutId(),
                    e.schoolId(), e.acceptedOfferIds());
            case OfferAccepted e -> new uk.encounters.contracts.school.OfferAccepted(e.offerId(), e.shoutOutId(),
                    e.schoolId(), e.employerId());
            case OfferDeclined e -> new uk.encounters.contracts.school.OfferDeclined(e.offerId(), e.shoutOutId(),
                    e.schoolId(), e.employerId(), e.reason());
            // OfferReceived and OfferWithdrawn echo encounter-service's own events: nothing new to tell.
            // Roll: year advances and identity corrections stay internal (see AcademicYearRollover, RollEvent).
            case PupilEnrolled e -> new uk.encounters.contracts.school.PupilEnrolled(e.pupilId(), e.schoolId(),
                    e.academicYear(), e.yearGroup(), e.admissionDate(), e.sen(), e.pupilPremium(), e.gender(),
                    e.curriculumArea());
            case PupilLeft e -> new uk.encounters.contracts.school.PupilLeft(e.pupilId(), e.schoolId(),
                    e.academicYear(), e.leavingDate());
            case PupilDetailsChanged e -> new uk.encounters.contracts.school.PupilDetailsChanged(e.pupilId(),
                    e.schoolId(), e.academicYear(), e.yearGroup(), e.sen(), e.pupilPremium(), e.gender(),
                    e.curriculumArea());
            default -> null;
        });
    }
}
