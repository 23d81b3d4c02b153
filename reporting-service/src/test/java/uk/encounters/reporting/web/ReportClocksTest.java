package uk.encounters.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import uk.encounters.platform.web.ProblemException;

class ReportClocksTest {

    /** 23:30 UTC on 31 August 2027 is already 1 September in London: a new academic year. */
    private static final Clock LATE_SUMMER = Clock.fixed(Instant.parse("2027-08-31T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void asOfDefaultsToTodayInEnglandAndTheYearToTheOneContainingIt() {
        ReportClocks clocks = ReportClocks.of(null, null, null, LATE_SUMMER);

        assertThat(clocks.asOf()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(clocks.academicYear()).isEqualTo("2027/28");
        assertThat(clocks.knownAt()).isNull();
    }

    @Test
    void aYearAloneIsDescribedUpToTodayOrItsLastDay() {
        assertThat(ReportClocks.of("2026-27", null, null, LATE_SUMMER).asOf()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(ReportClocks.of("2027/28", null, null, LATE_SUMMER).asOf()).isEqualTo(LocalDate.of(2027, 9, 1));
    }

    @Test
    void aDateAfterTheYearIsDescribedAsTheYearEnded() {
        ReportClocks clocks = ReportClocks.of("2025/26", "2027-03-31", "2027-04-01T09:00:00Z", LATE_SUMMER);

        assertThat(clocks.academicYear()).isEqualTo("2025/26");
        assertThat(clocks.asOf()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(clocks.knownAt()).isEqualTo(Instant.parse("2027-04-01T09:00:00Z"));
    }

    @Test
    void aDateBeforeTheYearBeganIsUnprocessable() {
        assertThatThrownBy(() -> ReportClocks.of("2027/28", "2027-03-31", null, LATE_SUMMER))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.errors()).extracting(ProblemException.FieldError::field).containsExactly("asOf");
                });
    }

    @Test
    void aWholeYearDefaultsToTheCurrentOneUpToToday() {
        ReportClocks clocks = ReportClocks.ofYear(null, null, LATE_SUMMER);

        assertThat(clocks.academicYear()).isEqualTo("2027/28");
        assertThat(clocks.asOf()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(ReportClocks.ofYear("2026-27", "2027-04-01T09:00:00Z", LATE_SUMMER))
                .isEqualTo(new ReportClocks("2026/27", LocalDate.of(2027, 8, 31),
                        Instant.parse("2027-04-01T09:00:00Z")));
    }

    @Test
    void aWholeYearNotBegunIsUnprocessableNamingTheYear() {
        assertThatThrownBy(() -> ReportClocks.ofYear("2028/29", null, LATE_SUMMER))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.errors()).extracting(ProblemException.FieldError::field)
                            .containsExactly("academicYear");
                });
        assertBadRequest(() -> ReportClocks.ofYear("2027", null, LATE_SUMMER), "academicYear");
        assertBadRequest(() -> ReportClocks.ofYear(null, "yesterday", LATE_SUMMER), "knownAt");
    }

    @Test
    void unreadableParametersAreBadRequestsNamingThem() {
        assertBadRequest(() -> ReportClocks.of("2026", null, null, LATE_SUMMER), "academicYear");
        assertBadRequest(() -> ReportClocks.of("2026/28", null, null, LATE_SUMMER), "academicYear");
        assertBadRequest(() -> ReportClocks.of(null, "2027-02-30", null, LATE_SUMMER), "asOf");
        assertBadRequest(() -> ReportClocks.of(null, null, "2027-03-31", LATE_SUMMER), "knownAt");
    }

    private static void assertBadRequest(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.errors()).extracting(ProblemException.FieldError::field).containsExactly(field);
        });
    }
}
