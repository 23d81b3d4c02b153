package uk.encounters.portal.hub;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One figure as a heatmap cell shows it: how many met of how many on roll, the percentage, and a colour level that
 * only repeats the percentage. A measure nobody is on roll for (an 11-16 school's by-18) is not applicable.
 */
record Cell(Integer onRoll, Integer met, BigDecimal percent, Boolean fullyAchieved) {

    static final Cell NOT_APPLICABLE = new Cell(null, null, null, null);
    private static final BigDecimal HALF = BigDecimal.valueOf(50);
    private static final BigDecimal MOST = BigDecimal.valueOf(80);
    private static final BigDecimal ALL = BigDecimal.valueOf(100);

    /** From a figure of the reporting API ({@code {onRoll, met, percent, fullyAchieved}}), or null. */
    static Cell of(Object figure) {
        if (!(figure instanceof Map<?, ?>)) {
            return NOT_APPLICABLE;
        }
        Map<String, Object> f = Json.map(figure);
        return new Cell(Json.integer(f.get("onRoll")), Json.integer(f.get("met")), Json.decimal(f.get("percent")),
                Json.bool(f.get("fullyAchieved")));
    }

    public boolean applicable() {
        return onRoll != null && onRoll > 0 && percent != null;
    }

    /** The CSS class of the cell: under 50%, 50-79.9%, 80-99.9%, everyone, or not applicable. */
    public String level() {
        return level(applicable() ? percent : null);
    }

    private static String level(BigDecimal percent) {
        if (percent == null) {
            return "level-none";
        }
        if (percent.compareTo(ALL) >= 0) {
            return "level-high";
        }
        if (percent.compareTo(MOST) >= 0) {
            return "level-good";
        }
        return percent.compareTo(HALF) >= 0 ? "level-mid" : "level-low";
    }

    public String percentText() {
        return percentText(applicable() ? percent : null);
    }

    /** "40.0%" as the service rounded it, or "n/a" where there is no percentage (the legend explains it). */
    static String percentText(BigDecimal percent) {
        return percent == null ? "n/a" : percent.toPlainString() + "%";
    }

    /** "4 of 10", or why there is no figure. */
    public String counts() {
        if (applicable()) {
            return met + " of " + onRoll;
        }
        return onRoll == null ? "not applicable" : "no pupils on roll";
    }
}
