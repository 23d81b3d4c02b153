package uk.encounters.contracts.school;

import java.util.List;
import java.util.Objects;

/** Immutable copies that read an absent collection (an older writer's JSON) as empty. */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static String required(String value, String name) {
        return Objects.requireNonNull(value, name);
    }
}
