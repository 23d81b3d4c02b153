package uk.encounters.portal.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart.js configurations as JSON for {@code <canvas data-chart='...'>} (portal.js draws them). Every series has its
 * own colour and line style, so the lines tell apart in greyscale too; the numbers are in a table beside each chart.
 */
final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Dark enough for 3:1 against white (WCAG's non-text contrast). */
    static final List<String> COLOURS = List.of("#1d4ed8", "#00703c", "#8a4b00", "#b3261e", "#4c2c92");

    private Charts() {
    }

    /** A series for a line chart; {@code dashed} for shares of schools, solid for shares of pupils. */
    static Map<String, Object> line(String label, List<?> values, int colour, boolean dashed) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("label", label);
        series.put("data", values);
        series.put("borderColor", COLOURS.get(colour));
        series.put("backgroundColor", COLOURS.get(colour));
        series.put("pointStyle", List.of("circle", "rect", "triangle", "rectRot", "crossRot").get(colour));
        series.put("pointRadius", 4);
        series.put("spanGaps", true);
        if (dashed) {
            series.put("borderDash", List.of(6, 4));
        }
        return series;
    }

    /** A line chart of percentages, 0 to 100. */
    static String percentLines(List<String> labels, List<Map<String, Object>> series) {
        return JSON.writeValueAsString(Map.of("type", "line",
                "data", Map.of("labels", labels, "datasets", series),
                "options", Map.of("scales", Map.of("y", Map.of("min", 0, "max", 100,
                                "title", Map.of("display", true, "text", "Per cent"))),
                        "plugins", Map.of("legend", Map.of("position", "bottom")))));
    }

    /** A bar chart of counts, horizontal when the labels are long (sectors). */
    static String bars(String label, List<String> labels, List<Integer> values, boolean horizontal) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("indexAxis", horizontal ? "y" : "x");
        options.put("plugins", Map.of("legend", Map.of("display", false)));
        options.put("scales", Map.of(horizontal ? "x" : "y", Map.of("beginAtZero", true,
                "ticks", Map.of("precision", 0), "title", Map.of("display", true, "text", label))));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("label", label);
        series.put("data", new ArrayList<>(values));
        series.put("backgroundColor", COLOURS.get(0));
        return JSON.writeValueAsString(Map.of("type", "bar",
                "data", Map.of("labels", labels, "datasets", List.of(series)), "options", options));
    }
}
