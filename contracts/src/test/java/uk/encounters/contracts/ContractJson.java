package uk.encounters.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper as the services configure it for Kafka payloads (uk.encounters.platform.messaging.EventJson):
 * unknown fields ignored, ISO dates, no type information in the body. The contracts module has no Jackson at
 * run time, so the settings are repeated here; the platform's tests read these same examples with its own mapper.
 */
final class ContractJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private ContractJson() {
    }
}
