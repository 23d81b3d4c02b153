package uk.encounters.contracts.encounter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable copies that read an absent collection (an older writer's JSON) as empty. */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        // Insertion order kept so the JSON reads in the order the writer chose.
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static String required(String value, String name) {
        return Objects.requireNonNull(value, name);
    }
}
