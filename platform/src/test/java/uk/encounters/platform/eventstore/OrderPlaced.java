package uk.encounters.platform.eventstore;

import org.axonframework.serialization.Revision;

/** Revision 2 of a test event; revision 1 stored the amount as a decimal string of pounds. */
@Revision("2")
record OrderPlaced(String orderId, long amountPence) {
}
