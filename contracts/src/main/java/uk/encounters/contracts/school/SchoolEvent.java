package uk.encounters.contracts.school;

import uk.encounters.contracts.IntegrationEvent;

/** Everything school-service publishes on its topic. */
public sealed interface SchoolEvent extends IntegrationEvent
        permits HubRegistered, SchoolRegistered, SchoolMovedHub,
                PupilEnrolled, PupilLeft, PupilDetailsChanged,
                ShoutOutPosted, ShoutOutChanged, ShoutOutWithdrawn, ShoutOutExpired, ShoutOutFilled,
                OfferAccepted, OfferDeclined {
}
