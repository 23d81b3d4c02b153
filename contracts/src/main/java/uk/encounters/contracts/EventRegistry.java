package uk.encounters.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lookup of one or more families' event types by type name and by record class. */
public final class EventRegistry {

    private final List<EventType<?>> types;
    private final Map<String, EventType<?>> byTypeName = new LinkedHashMap<>();
    private final Map<Class<?>, EventType<?>> byClass = new LinkedHashMap<>();

    public EventRegistry(List<EventType<?>> types) {
        this.types = List.copyOf(types);
        for (EventType<?> type : this.types) {
            if (byTypeName.put(type.typeName(), type) != null) {
                throw new IllegalArgumentException("type name registered twice: " + type.typeName());
            }
            if (byClass.put(type.type(), type) != null) {
                throw new IllegalArgumentException("record registered twice: " + type.type().getName());
            }
        }
    }

    public List<EventType<?>> types() {
        return types;
    }

    /** The type for a header value such as {@code school.ShoutOutPosted.v1}; empty for a type this build lacks. */
    public Optional<EventType<?>> byTypeName(String typeName) {
        return Optional.ofNullable(byTypeName.get(typeName));
    }

    public Optional<EventType<?>> byClass(Class<?> recordClass) {
        return Optional.ofNullable(byClass.get(recordClass));
    }

    /** The type of an event this build publishes; an unregistered record is a programming error. */
    public EventType<?> typeOf(IntegrationEvent event) {
        return byClass(event.getClass()).orElseThrow(() -> new IllegalArgumentException(
                "not a registered integration event: " + event.getClass().getName()));
    }
}
