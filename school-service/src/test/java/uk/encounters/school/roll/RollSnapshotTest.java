package uk.encounters.school.roll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;

/**
 * Snapshots are written by Jackson. A field Jackson cannot see would be silently dropped, and Axon falls back to
 * the full stream when a snapshot does not read, so neither would fail loudly: this test does.
 */
class RollSnapshotTest {

    /** Configured as the platform configures Axon's mapper. */
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();

    @Test
    void aRollSurvivesASnapshotRoundTrip() {
        Roll roll = new Roll();
        roll.on(new AcademicYearStarted("s-1", "2026/27", null));
        roll.on(new PupilEnrolled("s-1", "p-1", "2026/27", 9, LocalDate.of(2024, 9, 4), Sen.EHC_PLAN, true,
                Gender.OTHER, "Engineering"));
        roll.on(new PupilEnrolled("s-1", "p-2", "2026/27", 7, LocalDate.of(2026, 9, 3), Sen.NONE, false,
                Gender.FEMALE, null));
        roll.on(new PupilLeft("s-1", "p-2", "2026/27", LocalDate.of(2027, 1, 31)));

        SerializedObject<String> snapshot = serializer.serialize(roll, String.class);
        Roll read = serializer.deserialize(snapshot);

        assertThat(snapshot.getData()).contains("roll-s-1", "2026/27", "p-1", "EHC_PLAN", "2027-01-31");
        assertThat(serializer.serialize(read, String.class).getData()).isEqualTo(snapshot.getData());
        assertThat(read.yearGroupsOnRoll()).containsExactly(java.util.Map.entry("p-1", 9));
    }
}
