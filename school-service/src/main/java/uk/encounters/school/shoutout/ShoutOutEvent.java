package uk.encounters.school.shoutout;

/** Everything that happens to a shout-out and the offers made on it, as stored in this service's event store. */
public sealed interface ShoutOutEvent
        permits ShoutOutPosted, ShoutOutChanged, ShoutOutWithdrawn, ShoutOutExpired, ShoutOutFilled,
                OfferReceived, OfferAccepted, OfferDeclined, OfferWithdrawn {

    String shoutOutId();
}
