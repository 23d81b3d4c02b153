package uk.encounters.school.hub;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.encounters.platform.web.ProblemException;

class HubTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");

    private FixtureConfiguration<Hub> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Hub.class);
    }

    @Test
    void registersAHubWithATrimmedName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHub("hub-1", "  Tees Valley Careers Hub ", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HubRegistered("hub-1", "Tees Valley Careers Hub", NOW));
    }

    @Test
    void cannotRegisterAHubWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHub("hub-1", "   ", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("A hub needs a name of 1 to 200 characters.")
                .expectNoEvents();
    }
}
