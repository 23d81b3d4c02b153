package uk.encounters.encounter.reads;

import java.time.Instant;
import java.time.LocalDate;

/** The read documents keep dates and instants as ISO text; these read them back, null for null. */
final class Dates {

    private Dates() {
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
