package uk.encounters.portal.hub;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading the services' JSON as {@code PlatformApi} hands it over: maps, lists, and numbers of whatever width. */
final class Json {

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    /** As the service wrote it (40.0 stays 40.0): the decimal's text, not a binary double's. */
    static BigDecimal decimal(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()) : null;
    }

    /** A JSON array of numbers (year groups); empty for anything else. */
    static List<Integer> integers(Object value) {
        return value instanceof List<?> list ? list.stream().map(Json::integer).toList() : List.of();
    }

    static Boolean bool(Object value) {
        return value instanceof Boolean bool ? bool : null;
    }
}
