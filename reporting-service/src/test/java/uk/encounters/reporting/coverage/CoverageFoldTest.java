package uk.encounters.reporting.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.IntegrationEvents;
import uk.encounters.contracts.school.HubRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.platform.messaging.ReceivedEvent;

/** The fold files facts by entity and stamp, so arrival order and redelivery never change what it holds. */
class CoverageFoldTest {

    private static final LocalDate SEP_2025 = LocalDate.of(2025, 9, 1);
    private static final LocalDate SNAPSHOT = LocalDate.of(2026, 3, 31);

    private final History history = new History().school("s1", SchoolType.SCHOOL, "h1");

    private static Coverage fold(List<History.Stamped> events) {
        CoverageFold fold = new CoverageFold();
        events.forEach(e -> fold.apply(e.stamp(), e.event()));
        return Coverage.of(fold.facts(), null);
    }

    private static boolean gb5(Coverage coverage, String pupilId) {
        return coverage.pupil(pupilId, SNAPSHOT).orElseThrow().years().getLast().gb5Met();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        history.enrol("p1", "s1", "2025/26", 8, SEP_2025).talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1");
        CoverageFold fold = new CoverageFold();
        history.events().forEach(e -> assertThat(fold.apply(e.stamp(), e.event())).isTrue());
        Facts once = fold.facts();

        history.events().forEach(e -> assertThat(fold.apply(e.stamp(), e.event())).isFalse());

        assertThat(fold.facts()).isEqualTo(once);
    }

    @Test
    void aCorrectedRegisterArrivingBeforeTheRecordStillReplacesIt() {
        history.enrol("p1", "s1", "2025/26", 8, SEP_2025).enrol("p2", "s1", "2025/26", 8, SEP_2025)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1")
                .correct("e1", "s1", "p2");
        List<History.Stamped> events = history.events();

        Coverage coverage = fold(List.of(events.get(4), events.get(3), events.get(0), events.get(1), events.get(2)));

        assertThat(gb5(coverage, "p1")).isFalse();
        assertThat(gb5(coverage, "p2")).isTrue();
    }

    @Test
    void anEarlierOverrideArrivingLastDoesNotReplaceALaterOne() {
        history.enrol("p1", "s1", "2025/26", 8, SEP_2025)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1")
                .override("e1", "s1", Benchmark.GB5, false)
                .override("e1", "s1", Benchmark.GB5, true);
        List<History.Stamped> events = history.events();

        Coverage coverage = fold(List.of(events.get(0), events.get(1), events.get(2), events.get(4), events.get(3)));

        assertThat(gb5(coverage, "p1")).isTrue();
    }

    @Test
    void aWithdrawalArrivingBeforeTheRecordStillWithdrawsIt() {
        history.enrol("p1", "s1", "2025/26", 8, SEP_2025)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1")
                .withdraw("e1", "s1");
        List<History.Stamped> events = history.events();

        assertThat(gb5(fold(List.of(events.get(3), events.get(0), events.get(1), events.get(2))), "p1")).isFalse();
    }

    @Test
    void anEncounterArrivingBeforeThePupilsEnrolmentCountsOnceTheEnrolmentArrives() {
        history.enrol("p1", "s1", "2025/26", 8, SEP_2025).talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1");
        List<History.Stamped> events = history.events();
        CoverageFold fold = new CoverageFold();
        fold.apply(events.get(0).stamp(), events.get(0).event());
        fold.apply(events.get(2).stamp(), events.get(2).event());

        assertThat(Coverage.of(fold.facts(), null).pupil("p1", SNAPSHOT)).isEmpty();

        fold.apply(events.get(1).stamp(), events.get(1).event());

        assertThat(gb5(Coverage.of(fold.facts(), null), "p1")).isTrue();
    }

    @Test
    void aLeavingArrivingBeforeItsEnrolmentStillEndsThatStay() {
        history.enrol("p1", "s1", "2025/26", 8, SEP_2025)
                .leave("p1", "s1", LocalDate.of(2025, 12, 19))
                .enrol("p1", "s1", "2025/26", 8, LocalDate.of(2026, 2, 2));
        List<History.Stamped> events = history.events();

        Coverage coverage = fold(List.of(events.get(3), events.get(2), events.get(0), events.get(1)));

        SchoolCoverage inJanuary = coverage.school("s1", LocalDate.of(2026, 1, 10)).orElseThrow();
        SchoolCoverage inFebruary = coverage.school("s1", LocalDate.of(2026, 2, 10)).orElseThrow();
        assertThat(inJanuary.gb5().onRoll()).isZero();
        assertThat(inFebruary.gb5().onRoll()).isEqualTo(1);
    }

    @Test
    void eventsThatSayNothingAboutCoverageAreIgnored() {
        CoverageFold fold = new CoverageFold();

        boolean applied = fold.apply(new Stamp("x", "hub-1", 0, Instant.EPOCH, "user"), new HubRegistered("h1", "Tees"));

        assertThat(applied).isFalse();
        assertThat(fold.facts()).isEqualTo(new CoverageFold().facts());
    }

    @Test
    void aReceivedEventIsStampedWithItsIdSequenceOccurredAtAndActingAccount() {
        HubRegistered event = new HubRegistered("h1", "Tees");
        Instant at = Instant.parse("2026-01-05T09:00:00Z");
        ReceivedEvent<HubRegistered> received = new ReceivedEvent<>("school.events",
                IntegrationEvents.REGISTRY.typeOf(event), "ev-1", "hub-h1", 4L, at, "user", event);

        assertThat(Stamp.of(received)).isEqualTo(new Stamp("ev-1", "hub-h1", 4, at, "user"));
    }

    @Test
    void anEventWithoutAnAggregateSequenceCannotBeOrderedAndIsRefused() {
        HubRegistered event = new HubRegistered("h1", "Tees");
        ReceivedEvent<HubRegistered> received = new ReceivedEvent<>("school.events",
                IntegrationEvents.REGISTRY.typeOf(event), "ev-1", null, null, Instant.EPOCH, null, event);

        assertThatThrownBy(() -> new CoverageFold().apply(received)).isInstanceOf(IllegalArgumentException.class);
    }
}
