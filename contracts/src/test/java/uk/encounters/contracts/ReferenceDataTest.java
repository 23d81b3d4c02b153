package uk.encounters.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.contracts.ChecklistItem.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.encounter.EncounterCancelled;
import uk.encounters.contracts.school.Sen;

class ReferenceDataTest {

    @Test
    void checklistsMatchTheDomainTable() {
        assertThat(ChecklistItem.required(Benchmark.GB5, FrameworkVersion.V2024))
                .isEqualTo(EnumSet.of(PURPOSE_SHARED, LEARNING_OUTCOMES, TWO_WAY_INTERACTION, REFLECTION));
        assertThat(ChecklistItem.required(Benchmark.GB6, FrameworkVersion.V2024))
                .isEqualTo(EnumSet.of(PURPOSE_SHARED, LEARNING_OUTCOMES, EXTENSIVE_INTERACTION, RANGE_OF_PEOPLE,
                        EMPLOYER_SET_TASK, EMPLOYER_FEEDBACK, REFLECTION));
        assertThat(ChecklistItem.required(Benchmark.GB5, FrameworkVersion.V2014))
                .isEqualTo(EnumSet.of(LEARNING_OUTCOMES, TWO_WAY_INTERACTION, ACTIVE_PARTICIPATION));
        assertThat(ChecklistItem.required(Benchmark.GB6, FrameworkVersion.V2014))
                .isEqualTo(EnumSet.of(LEARNING_OUTCOMES, EXTENSIVE_INTERACTION, RANGE_OF_PEOPLE,
                        EMPLOYER_SET_TASK, EMPLOYER_FEEDBACK));
    }

    @Test
    void activitiesCountTowardsTheirDefaultBenchmark() {
        assertThat(Arrays.stream(ActivityType.values()).filter(a -> a.defaultBenchmarks().contains(Benchmark.GB5)))
                .containsExactly(ActivityType.CAREERS_TALK, ActivityType.CAREERS_FAIR, ActivityType.MENTORING,
                        ActivityType.ENTERPRISE_CHALLENGE, ActivityType.MOCK_INTERVIEWS, ActivityType.CV_WORKSHOP);
        assertThat(ActivityType.SUPPORTED_INTERNSHIP.defaultBenchmarks()).containsExactly(Benchmark.GB6);
        assertThat(ActivityType.WORK_EXPERIENCE_PLACEMENT.placement()).isTrue();
        assertThat(ActivityType.WORKPLACE_VISIT.placement()).isFalse();
    }

    @Test
    void frameworkFollowsTheAcademicYear() {
        assertThat(FrameworkVersion.forAcademicYear("2024/25")).isEqualTo(FrameworkVersion.V2014);
        assertThat(FrameworkVersion.forAcademicYear("2025/26")).isEqualTo(FrameworkVersion.V2024);
    }

    @Test
    void academicYearsRunFromSeptemberToAugust() {
        assertThat(AcademicYears.containing(LocalDate.of(2026, 9, 1))).isEqualTo("2026/27");
        assertThat(AcademicYears.containing(LocalDate.of(2027, 8, 31))).isEqualTo("2026/27");
        assertThat(AcademicYears.containing(LocalDate.of(2099, 12, 1))).isEqualTo("2099/00");
        assertThat(AcademicYears.lastDay("2026/27")).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThatThrownBy(() -> AcademicYears.startYear("2026/28")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AcademicYears.startYear("2026-27")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void senCodesAreTheRollsCodes() {
        assertThat(Sen.fromCode("k")).isEqualTo(Sen.SEN_SUPPORT);
        assertThat(Sen.EHC_PLAN.code()).isEqualTo("E");
    }

    @Test
    void lateCancellationsShowTheirNotice() {
        var cancelled = new EncounterCancelled("en", "s", "e", null, null,
                LocalDate.of(2027, 2, 3), LocalDate.of(2027, 2, 2));
        assertThat(cancelled.noticeDays()).isEqualTo(1);
    }
}
