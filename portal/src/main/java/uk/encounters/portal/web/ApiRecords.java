package uk.encounters.portal.web;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON that {@code PlatformApi} returns into the portal's own records, so pages work with dates and
 * numbers rather than strings. Fields the services add later are ignored; the portal reads only what it shows.
 */
public final class ApiRecords {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ApiRecords() {
    }

    public static <T> T read(Map<String, Object> json, Class<T> type) {
        return JSON.convertValue(json, type);
    }

    public static <T> List<T> readList(List<Map<String, Object>> json, Class<T> type) {
        return json == null ? List.of() : json.stream().map(item -> read(item, type)).toList();
    }
}
