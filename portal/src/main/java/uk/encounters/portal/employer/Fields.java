package uk.encounters.portal.employer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the services' JSON (as maps) and writing request bodies, where a missing value is simply absent. */
final class Fields {

    private Fields() {
    }

    static String text(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : String.valueOf(value);
    }

    static Integer integer(Map<String, Object> json, String key) {
        return json.get(key) instanceof Number n ? n.intValue() : null;
    }

    static Double decimal(Map<String, Object> json, String key) {
        return json.get(key) instanceof Number n ? n.doubleValue() : null;
    }

    static List<String> texts(Map<String, Object> json, String key) {
        return json.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    static List<Integer> integers(Map<String, Object> json, String key) {
        return json.get(key) instanceof List<?> list
                ? list.stream().filter(Number.class::isInstance).map(n -> ((Number) n).intValue()).toList()
                : List.of();
    }

    /** A JSON body from name-value pairs; blank values are left out, so the service names what is missing. */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null && !(value instanceof String s && s.isBlank())) {
                body.put((String) pairs[i], value instanceof String s ? s.strip() : value);
            }
        }
        return body;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
