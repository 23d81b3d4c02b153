package uk.encounters.contracts;

import java.util.ArrayList;
import java.util.List;
import uk.encounters.contracts.encounter.EncounterEvents;
import uk.encounters.contracts.school.SchoolEvents;

/** Every integration event of every publishing service. */
public final class IntegrationEvents {

    public static final EventRegistry REGISTRY = new EventRegistry(all());

    private IntegrationEvents() {
    }

    private static List<EventType<?>> all() {
        List<EventType<?>> all = new ArrayList<>(SchoolEvents.TYPES);
        all.addAll(EncounterEvents.TYPES);
        return all;
    }
}
