package uk.encounters.contracts;

/**
 * An event one service publishes for the others. Implementations are plain records whose components are the wire
 * format; {@link #partitionKey()} is not a component, so it never appears in the JSON.
 */
public interface IntegrationEvent {

    /**
     * The Kafka record key the publisher must use. Every event about one school is keyed by its school id, so a
     * consumer sees a school's roll, shout-outs, offers and encounters in the order they happened.
     */
    String partitionKey();
}
