package uk.encounters.school.institution;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.platform.web.ProblemException;

class MoveSchoolToHubTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    private FixtureConfiguration<School> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(School.class);
    }

    @Test
    void aSchoolMovesToAnotherHubByAnEventNamingBothHubs() {
        fixture.given(registered())
                .when(new MoveSchoolToHub("s-1", "hub-2", NOW))
                .expectEvents(new SchoolMovedHub("s-1", "hub-1", "hub-2", NOW));
    }

    @Test
    void aSecondMoveStartsFromTheHubOfTheFirst() {
        fixture.given(registered(), new SchoolMovedHub("s-1", "hub-1", "hub-2", NOW))
                .when(new MoveSchoolToHub("s-1", "hub-3", NOW))
                .expectEvents(new SchoolMovedHub("s-1", "hub-2", "hub-3", NOW));
    }

    @Test
    void movingToTheHubTheSchoolIsInChangesNothing() {
        fixture.given(registered())
                .when(new MoveSchoolToHub("s-1", "hub-1", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotMoveToNoHub() {
        fixture.given(registered())
                .when(new MoveSchoolToHub("s-1", " ", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Name the hub the school moves to.")
                .expectNoEvents();
    }

    private static SchoolRegistered registered() {
        return new SchoolRegistered("s-1", "136789", "Northfield School", SchoolType.SCHOOL, "hub-1",
                new TreeSet<>(List.of(7, 8, 9, 10, 11)), NOW);
    }
}
