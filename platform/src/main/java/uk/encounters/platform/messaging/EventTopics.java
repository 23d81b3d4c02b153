package uk.encounters.platform.messaging;

/** Default topic names, one per publishing service; services may rename them through properties. */
public final class EventTopics {

    public static final String SCHOOL = "school.events";
    public static final String ENCOUNTER = "encounter.events";

    private EventTopics() {
    }
}
