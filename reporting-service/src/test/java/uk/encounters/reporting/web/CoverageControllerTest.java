package uk.encounters.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.platform.security.ResourceServerAutoConfiguration;
import uk.encounters.platform.web.WebAutoConfiguration;
import uk.encounters.reporting.Bearer;
import uk.encounters.reporting.coverage.Coverage;
import uk.encounters.reporting.coverage.CoverageFold;
import uk.encounters.reporting.coverage.Facts;
import uk.encounters.reporting.coverage.Stamp;
import uk.encounters.reporting.projection.CoverageQueries;

/** How coverage requests read their parameters and how refusals read; the figures are the engine's own tests'. */
@WebMvcTest(CoverageController.class)
@ImportAutoConfiguration({WebAutoConfiguration.class, ResourceServerAutoConfiguration.class})
class CoverageControllerTest {

    @TestConfiguration
    static class FixedClock {
        /** 23:30 UTC on 31 August is 1 September in London: academic year 2027/28 has begun. */
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2027-08-31T23:30:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CoverageQueries queries;

    /** Who may read is {@link Access}'s business, tested with the service running; here it lets a school's staff by. */
    @MockitoBean
    Access access;

    private static final String BEARER = "Bearer " + Bearer.ISSUER.careersLeader("s-1");

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        Bearer.trustTestIssuer(registry);
    }

    @BeforeEach
    void staffOfTheSchool() {
        when(access.schoolFigures(org.mockito.ArgumentMatchers.any())).thenReturn(true);
    }

    @Test
    void aHubReportDefaultsToTodayInEnglandAndItsAcademicYear() {
        LocalDate today = LocalDate.of(2027, 9, 1);
        when(queries.hub("h-1", today, null))
                .thenReturn(Optional.of(Coverage.of(registered("s-1", "h-1"), null).hub("h-1", today)));

        var result = mvc.get().header("Authorization", BEARER).uri("/api/v1/hubs/h-1/coverage").exchange();

        assertThat(result).hasStatus(200);
        assertThat(result).bodyJson().extractingPath("$.academicYear").isEqualTo("2027/28");
        assertThat(result).bodyJson().extractingPath("$.asOf").isEqualTo("2027-09-01");
        assertThat(result).bodyJson().extractingPath("$.schools[0].schoolId").isEqualTo("s-1");
        assertThat(result).bodyJson().extractingPath("$.schools[0].gb5.onRoll").isEqualTo(0);
    }

    @Test
    void aFinishedYearIsReportedAsItEnded() {
        LocalDate endOfYear = LocalDate.of(2026, 8, 31);
        when(queries.school("s-1", endOfYear, null))
                .thenReturn(Coverage.of(registered("s-1", "h-1"), null).school("s-1", endOfYear));

        var result = mvc.get().header("Authorization", BEARER)
                .uri("/api/v1/schools/s-1/coverage?academicYear=2025-26&asOf=2027-03-31").exchange();

        assertThat(result).hasStatus(200);
        assertThat(result).bodyJson().extractingPath("$.academicYear").isEqualTo("2025/26");
        assertThat(result).bodyJson().extractingPath("$.asOf").isEqualTo("2026-08-31");
        assertThat(result).bodyJson().extractingPath("$.yearGroups[*].yearGroup").asArray()
                .containsExactly(7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void anUnknownSchoolOrHubIsNotFound() {
        assertThat(mvc.get().header("Authorization", BEARER).uri("/api/v1/schools/s-9/coverage").exchange())
                .hasStatus(404).bodyJson().extractingPath("$.detail").asString().contains("s-9");
        assertThat(mvc.get().header("Authorization", BEARER).uri("/api/v1/hubs/h-9/coverage").exchange())
                .hasStatus(404);
    }

    @Test
    void unreadableParametersAreNamedAndNothingIsLoaded() {
        assertThat(mvc.get().header("Authorization", BEARER).uri("/api/v1/schools/s-1/at-risk?measure=GB7")
                .exchange()).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("measure");
        assertThat(mvc.get().header("Authorization", BEARER).uri("/api/v1/schools/s-1/coverage?asOf=tomorrow")
                .exchange()).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("asOf");
        assertThat(mvc.get().header("Authorization", BEARER).uri("/api/v1/hubs/h-1/coverage?knownAt=2027-03-31")
                .exchange()).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("knownAt");
        assertThat(mvc.get().header("Authorization", BEARER).uri("/api/v1/pupils/p-1/coverage?asOf=2027-13-01")
                .exchange()).hasStatus(400);
        verifyNoInteractions(queries);
    }

    @Test
    void wellFormedButImpossibleParametersAreUnprocessable() {
        assertThat(mvc.get().header("Authorization", BEARER).uri("/api/v1/schools/s-1/coverage?academicYear=2027/28&asOf=2027-03-31").exchange())
                .hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("asOf");
        assertThat(mvc.get().header("Authorization", BEARER).uri("/api/v1/schools/s-1/coverage/evidence?measure=GB5&yearGroup=6").exchange())
                .hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("yearGroup");
        verifyNoInteractions(queries);
    }

    private static Facts registered(String schoolId, String hubId) {
        CoverageFold fold = new CoverageFold();
        fold.apply(new Stamp("event-1", "school-" + schoolId, 0, Instant.parse("2025-01-01T00:00:00Z"), "admin-1"),
                new SchoolRegistered(schoolId, "100001", "Northfield School", SchoolType.SCHOOL, hubId,
                        List.of(7, 8, 9, 10, 11)));
        return fold.facts();
    }
}
