package uk.encounters.encounter.offer;

/** Everything that happens to an offer, as stored in this service's event store. */
public sealed interface OfferEvent permits EmployerOffered, OfferWithdrawn, OfferAccepted, OfferDeclined {

    String offerId();
}
