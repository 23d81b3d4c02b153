package uk.encounters.school.shoutout;

import java.time.LocalDate;

/** The end date passed with places left; {@code expiredOn} is the school date the deadline was noticed. */
public record ShoutOutExpired(String shoutOutId, String schoolId, LocalDate endDate, int placesUnfilled,
                              LocalDate expiredOn) implements ShoutOutEvent {
}
