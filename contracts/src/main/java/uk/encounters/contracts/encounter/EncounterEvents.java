package uk.encounters.contracts.encounter;

import java.util.List;
import java.util.Optional;
import uk.encounters.contracts.EventRegistry;
import uk.encounters.contracts.EventType;

/** The encounter-service family's type names and versions. */
public final class EncounterEvents {

    public static final List<EventType<?>> TYPES = List.of(
            EventType.of("encounter.EmployerRegistered", 1, EmployerRegistered.class),
            EventType.of("encounter.EmployerOffered", 1, EmployerOffered.class),
            EventType.of("encounter.OfferWithdrawn", 1, OfferWithdrawn.class),
            EventType.of("encounter.EncounterScheduled", 1, EncounterScheduled.class),
            EventType.of("encounter.EncounterCancelled", 1, EncounterCancelled.class),
            EventType.of("encounter.EncounterRecorded", 1, EncounterRecorded.class),
            EventType.of("encounter.AttendanceCorrected", 1, AttendanceCorrected.class),
            EventType.of("encounter.EncounterWithdrawn", 1, EncounterWithdrawn.class),
            EventType.of("encounter.MeaningfulnessOverridden", 1, MeaningfulnessOverridden.class));

    public static final EventRegistry REGISTRY = new EventRegistry(TYPES);

    private EncounterEvents() {
    }

    public static Optional<EventType<?>> byTypeName(String typeName) {
        return REGISTRY.byTypeName(typeName);
    }

    public static Optional<EventType<?>> byClass(Class<? extends EncounterEvent> recordClass) {
        return REGISTRY.byClass(recordClass);
    }
}
