package uk.encounters.school.institution;

import java.time.Instant;
import uk.encounters.contracts.school.SchoolType;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.encounters.platform.web.ProblemException;

class SchoolTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");

    private FixtureConfiguration<School> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(School.class);
    }

    @Test
    void registersASchoolTeachingTheYearGroupsItNames() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSchool("s-1", "136789", "Northfield School", SchoolType.SCHOOL, "hub-1",
                        Set.of(11, 7, 9, 8, 10), NOW))
                .expectEvents(new SchoolRegistered("s-1", "136789", "Northfield School", SchoolType.SCHOOL,
                        "hub-1", new TreeSet<>(Set.of(7, 8, 9, 10, 11)), NOW));
    }

    @Test
    void aCollegeWithoutYearGroupsTeachesYears12And13() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSchool("c-1", "130456", "Riverside College", SchoolType.COLLEGE, "hub-1",
                        Set.of(), NOW))
                .expectEvents(new SchoolRegistered("c-1", "130456", "Riverside College", SchoolType.COLLEGE,
                        "hub-1", new TreeSet<>(Set.of(12, 13)), NOW));
    }

    @Test
    void cannotRegisterWithAMalformedUrn() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSchool("s-1", "01234", "Northfield School", SchoolType.SCHOOL, "hub-1",
                        Set.of(), NOW))
                .expectException(ProblemException.class)
                .expectNoEvents();
    }

    @Test
    void cannotTeachYearGroupsOutsideSevenToThirteen() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSchool("s-1", "136789", "Northfield School", SchoolType.SCHOOL, "hub-1",
                        Set.of(6, 7), NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Year groups are 7 to 13.")
                .expectNoEvents();
    }
}
