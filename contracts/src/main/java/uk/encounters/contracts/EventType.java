package uk.encounters.contracts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of an integration event on the wire: a logical name and a version, never a Java class name.
 * A breaking change to a record is a new version with its own record class; additive changes keep the version.
 *
 * @param name    logical name, {@code <publisher>.<EventName>}, e.g. {@code school.ShoutOutPosted}
 * @param version 1 or more
 * @param type    the record that carries this version
 */
public record EventType<E extends IntegrationEvent>(String name, int version, Class<E> type) {

    private static final Pattern NAME = Pattern.compile("[a-z]+\\.[A-Z][A-Za-z0-9]*");
    private static final Pattern TYPE_NAME = Pattern.compile("([a-z]+\\.[A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("logical name must look like school.ShoutOutPosted: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more: " + version);
        }
    }

    public static <E extends IntegrationEvent> EventType<E> of(String name, int version, Class<E> type) {
        return new EventType<>(name, version, type);
    }

    /** The value of the type header, e.g. {@code school.ShoutOutPosted.v1}. */
    public String typeName() {
        return name + ".v" + version;
    }

    /** True for a well-formed type name, registered or not: a newer producer's type looks like this too. */
    public static boolean isWellFormedTypeName(String typeName) {
        return typeName != null && TYPE_NAME.matcher(typeName).matches();
    }

    @Override
    public String toString() {
        return typeName();
    }
}
