package uk.encounters.encounter.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.encounter.fakes.Problems;
import uk.encounters.platform.web.ProblemException;

class EmployerTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    private FixtureConfiguration<Employer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Employer.class);
    }

    @Test
    void anEmployerRegistersWithItsPostcodeWrittenTheUsualWay() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEmployer("e-1", " Tees Engineering ", "Engineering", EmployerSize.SMALL, "ts17 6ab",
                        NOW))
                .expectEvents(new EmployerRegistered("e-1", "Tees Engineering", "Engineering", EmployerSize.SMALL,
                        "TS17 6AB", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TS17", "12345", "TS17 6A", "T$1 3BA", "TS17 6ABX"})
    void cannotRegisterWithSomethingThatIsNotShapedLikeAUkPostcode(String postcode) {
        fixture.givenNoPriorActivity()
                .when(new RegisterEmployer("e-1", "Tees Engineering", "Engineering", EmployerSize.SMALL, postcode, NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("A UK postcode looks like TS1 3BA.")
                .expectNoEvents();
    }

    @Test
    void cannotRegisterWithoutNameSectorAndSizeAndEachIsNamed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEmployer("e-1", " ", null, null, "TS1 3BA", NOW))
                .expectNoEvents()
                .expectException(ProblemException.class)
                .expectException(Problems.naming("name", "sector", "size"));
    }

    @Test
    void postcodeShapesAcceptedIncludeEveryOutwardCodeForm() {
        assertThat(Postcodes.normalise("M1 1AE")).contains("M1 1AE");
        assertThat(Postcodes.normalise("B33 8TH")).contains("B33 8TH");
        assertThat(Postcodes.normalise("CR2 6XH")).contains("CR2 6XH");
        assertThat(Postcodes.normalise("DN55 1PT")).contains("DN55 1PT");
        assertThat(Postcodes.normalise("W1A 1HQ")).contains("W1A 1HQ");
        assertThat(Postcodes.normalise("ec1a1bb")).contains("EC1A 1BB");
        assertThat(Postcodes.districtIn("Main hall, Northfield School, Stockton TS17 6AB")).contains("TS17");
        assertThat(Postcodes.area("TS17")).isEqualTo("TS");
    }
}
