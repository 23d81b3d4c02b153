package uk.encounters.encounter.offer;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** An employer offers an activity of its own, for any school to take up. */
public record OfferOwnActivity(@TargetAggregateIdentifier String offerId, String employerId,
                               ActivityType activityType, String title, LocalDate date, int places, DeliveryMode mode,
                               Instant offeredAt) {
}
