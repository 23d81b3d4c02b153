package uk.encounters.encounter.encounter;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CorrectAttendance(@TargetAggregateIdentifier String encounterId, List<String> attendees, String reason,
                                Instant correctedAt) {
}
