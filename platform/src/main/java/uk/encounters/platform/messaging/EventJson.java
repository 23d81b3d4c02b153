package uk.encounters.platform.messaging;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of integration events on Kafka. Deliberately separate from the web layer's mapper, so a
 * service's HTTP customisations can never change the wire format: ISO dates, no type information in the body,
 * and unknown fields ignored, because a newer producer may add fields this reader does not know.
 */
public final class EventJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventJson() {
    }
}
