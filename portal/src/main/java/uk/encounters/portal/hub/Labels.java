package uk.encounters.portal.hub;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.encounters.portal.web.Wording;

/** Dates as the coordinator's pages need them beyond {@link Wording}: today in England, a chart's short labels. */
final class Labels {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private Labels() {
    }

    /** The platform's dates are England's: "today" for a report or a waiting time is today there. */
    static LocalDate today() {
        return LocalDate.now(Wording.ENGLAND);
    }

    /** "30 Sep", for a chart's axis. */
    static String shortDate(LocalDate date) {
        return SHORT_DATE.format(date);
    }

    /** A date of the APIs' JSON ({@code 2027-03-31}); null for none. */
    static LocalDate parseDate(Object value) {
        String text = Json.text(value);
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }
}
