package uk.encounters.platform.identity;

/**
 * The account on whose behalf a command runs. It travels as Axon metadata under {@link #METADATA_KEY} from the
 * command to every event it causes, and from there into the Kafka headers, so evidence can say who recorded what.
 */
public record ActingUser(String id) {

    public static final String METADATA_KEY = "actingUser";

    /** Work the platform does by itself (deadlines, reactions to other services' events). */
    public static final ActingUser SYSTEM = new ActingUser("system");

    public ActingUser {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("acting user id must not be blank");
        }
    }
}
