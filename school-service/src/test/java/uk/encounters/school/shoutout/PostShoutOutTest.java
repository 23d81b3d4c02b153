package uk.encounters.school.shoutout;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.school.institution.School;
import uk.encounters.school.institution.SchoolMovedHub;
import uk.encounters.school.institution.SchoolRegistered;

class PostShoutOutTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final SortedSet<Integer> YEARS_7_TO_11 = new TreeSet<>(List.of(7, 8, 9, 10, 11));

    private FixtureConfiguration<School> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(School.class);
    }

    @Test
    void aSchoolPostsAShoutOutForYearGroupsItTeaches() {
        fixture.given(registered())
                .when(post(List.of(11, 10), LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 12)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShoutOutPosted("so-1", "s-1", "hub-1", "Mock interviews for Year 11",
                        "Ten interviewers, 20 minutes each", ActivityType.MOCK_INTERVIEWS, List.of("Finance"),
                        List.of(10, 11), 30, LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 12),
                        DeliveryMode.IN_PERSON, "Main hall", NOW));
    }

    @Test
    void cannotPostForYearGroupsTheSchoolDoesNotTeach() {
        fixture.given(registered())
                .when(post(List.of(11, 12), LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 12)))
                .expectException(ProblemException.class)
                .expectExceptionMessage("This school does not teach year group(s) [12]; it teaches [7, 8, 9, 10, 11].")
                .expectNoEvents();
    }

    @Test
    void cannotPostAShoutOutThatEndsBeforeItStarts() {
        fixture.given(registered())
                .when(post(List.of(11), LocalDate.of(2027, 2, 12), LocalDate.of(2027, 1, 11)))
                .expectException(ProblemException.class)
                .expectExceptionMessage("The end date is before the start date.")
                .expectNoEvents();
    }

    @Test
    void cannotPostAShoutOutWhoseEndDateHasPassed() {
        fixture.given(registered())
                .when(post(List.of(11), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)))
                .expectException(ProblemException.class)
                .expectExceptionMessage("The end date has passed already.")
                .expectNoEvents();
    }

    @Test
    void aShoutOutPostedAfterTheSchoolMovedHubCarriesTheNewHub() {
        fixture.given(registered(), new SchoolMovedHub("s-1", "hub-1", "hub-2", NOW))
                .when(post(List.of(11), LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 12)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(event -> event instanceof ShoutOutPosted posted && posted.hubId().equals("hub-2")),
                        andNoMore())));
    }

    private static SchoolRegistered registered() {
        return new SchoolRegistered("s-1", "136789", "Northfield School", SchoolType.SCHOOL, "hub-1", YEARS_7_TO_11,
                NOW);
    }

    private static PostShoutOut post(List<Integer> years, LocalDate start, LocalDate end) {
        return new PostShoutOut("s-1", "so-1", " Mock interviews for Year 11 ", "Ten interviewers, 20 minutes each",
                ActivityType.MOCK_INTERVIEWS, List.of("Finance"), years, 30, start, end, DeliveryMode.IN_PERSON,
                "Main hall", NOW);
    }
}
