package uk.encounters.contracts.school;

import java.util.List;
import java.util.Optional;
import uk.encounters.contracts.EventRegistry;
import uk.encounters.contracts.EventType;

/** The school-service family's type names and versions. */
public final class SchoolEvents {

    public static final List<EventType<?>> TYPES = List.of(
            EventType.of("school.HubRegistered", 1, HubRegistered.class),
            EventType.of("school.SchoolRegistered", 1, SchoolRegistered.class),
            EventType.of("school.SchoolMovedHub", 1, SchoolMovedHub.class),
            EventType.of("school.PupilEnrolled", 1, PupilEnrolled.class),
            EventType.of("school.PupilLeft", 1, PupilLeft.class),
            EventType.of("school.PupilDetailsChanged", 1, PupilDetailsChanged.class),
            EventType.of("school.ShoutOutPosted", 1, ShoutOutPosted.class),
            EventType.of("school.ShoutOutChanged", 1, ShoutOutChanged.class),
            EventType.of("school.ShoutOutWithdrawn", 1, ShoutOutWithdrawn.class),
            EventType.of("school.ShoutOutExpired", 1, ShoutOutExpired.class),
            EventType.of("school.ShoutOutFilled", 1, ShoutOutFilled.class),
            EventType.of("school.OfferAccepted", 1, OfferAccepted.class),
            EventType.of("school.OfferDeclined", 1, OfferDeclined.class));

    public static final EventRegistry REGISTRY = new EventRegistry(TYPES);

    private SchoolEvents() {
    }

    public static Optional<EventType<?>> byTypeName(String typeName) {
        return REGISTRY.byTypeName(typeName);
    }

    public static Optional<EventType<?>> byClass(Class<? extends SchoolEvent> recordClass) {
        return REGISTRY.byClass(recordClass);
    }
}
