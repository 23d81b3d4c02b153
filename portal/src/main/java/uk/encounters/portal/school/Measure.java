package uk.encounters.portal.school;

import java.util.Locale;
import java.util.Optional;

/** The measures a school is judged on (reporting-service's at-risk and evidence {@code measure}), as people read them. */
enum Measure {
    GB5("GB5", "GB5 encounters with employers",
            "at least one meaningful encounter with an employer this academic year"),
    GB6_BY_16("GB6 by 16", "GB6 experience of a workplace by 16",
            "at least one meaningful experience of a workplace while in Years 7 to 11 (judged on Year 11)"),
    GB6_BY_18("GB6 by 18", "GB6 further experience of a workplace by 18",
            "at least one meaningful experience of a workplace while in Years 12 and 13 (judged on Year 13)");

    final String shortLabel;
    final String label;
    final String rule;

    Measure(String shortLabel, String label, String rule) {
        this.shortLabel = shortLabel;
        this.label = label;
        this.rule = rule;
    }

    /** Empty for a missing or unknown name, which the pages answer with the list of measures. */
    static Optional<Measure> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For templates. */
    public String getShortLabel() {
        return shortLabel;
    }

    public String getLabel() {
        return label;
    }

    public String getRule() {
        return rule;
    }
}
