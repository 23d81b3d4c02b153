package uk.encounters.platform.messaging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.Sen;
import uk.encounters.platform.identity.ActingUser;

/** Domain event streams for the outbox tests: school aggregates whose stored payloads are contract records. */
final class TestEvents {

    /** A domain event only the publishing service cares about: the mapping drops it. */
    record RollUploadStarted(String schoolId) {
    }

    /** Maps stored contract records to themselves and drops everything else. */
    static final OutboundEvents IDENTITY = message -> message.getPayload() instanceof IntegrationEvent event
            ? Optional.of(event)
            : Optional.empty();

    private TestEvents() {
    }

    /**
     * {@code perSchool} events for each school, interleaved across schools as concurrent users would produce them;
     * every fifth event of a school is internal (unmapped), so published sequences have gaps.
     */
    static List<DomainEventMessage<?>> interleaved(List<String> schoolIds, int perSchool) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < perSchool; seq++) {
            for (String school : schoolIds) {
                Object payload = seq % 5 == 4
                        ? new RollUploadStarted(school)
                        : enrolled(school, "pupil-" + school + "-" + seq);
                events.add(new GenericDomainEventMessage<>("School", school, seq, payload,
                        MetaData.with(ActingUser.METADATA_KEY, "careers-leader-" + school)));
            }
        }
        return events;
    }

    static PupilEnrolled enrolled(String schoolId, String pupilId) {
        return new PupilEnrolled(pupilId, schoolId, "2026/27", 9, LocalDate.of(2024, 9, 3), Sen.NONE, false,
                Gender.NOT_RECORDED, null);
    }
}
