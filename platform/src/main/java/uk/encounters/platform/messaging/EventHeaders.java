package uk.encounters.platform.messaging;

/**
 * Kafka record headers every integration event carries, as UTF-8 strings. The body is the contract record's JSON
 * alone; identity and provenance travel here so a consumer can deduplicate without reading the body.
 */
public final class EventHeaders {

    /** Logical type and version, e.g. {@code school.ShoutOutPosted.v1}; never a Java class name. */
    public static final String TYPE = "event-type";
    /** The Axon event's identifier: the same on every re-publication, so consumers can deduplicate on it. */
    public static final String EVENT_ID = "event-id";
    /** Present for events an aggregate applied. */
    public static final String AGGREGATE_ID = "aggregate-id";
    /** Decimal sequence number within the aggregate; present with {@link #AGGREGATE_ID}. */
    public static final String AGGREGATE_SEQUENCE = "aggregate-sequence";
    /** ISO-8601 instant at which the event was stored. */
    public static final String OCCURRED_AT = "occurred-at";
    /** Id of the account on whose behalf the event happened ({@code system} for the platform itself). */
    public static final String ACTING_USER = "acting-user";

    private EventHeaders() {
    }
}
