package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void thePortTableAlignsItsColumns() {
        String table = Launcher.formatTable(List.of(
                new String[] {"school-service", "http://localhost:8081", "data/logs/school-service.log"},
                new String[] {"Kafka (embedded)", "127.0.0.1:9092", "data/logs/kafka.log"}));

        assertThat(table.lines()).containsExactly(
                "  Component         Address                Log / data",
                "  school-service    http://localhost:8081  data/logs/school-service.log",
                "  Kafka (embedded)  127.0.0.1:9092         data/logs/kafka.log");
    }
}
