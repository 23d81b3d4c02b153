package uk.encounters.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.encounters.infra.JavaProcess;

class DemoStartupTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @AfterEach
    void clearSwitch() {
        System.clearProperty(DemoStartup.PROPERTY);
    }

    @Test
    void switchedOffItLoadsNothingAndSaysSo() {
        System.setProperty(DemoStartup.PROPERTY, "false");

        DemoStartup.run(data, unreachable(), NO_SERVICE_TOKENS, out);

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Demo hub: off");
        assertThat(data.resolve(DemoStartup.MARKER)).doesNotExist();
    }

    @Test
    void withoutTokensItLoadsNothingAndSaysWhy() {
        System.setProperty(DemoStartup.PROPERTY, "small");

        DemoStartup.run(data, unreachable(), null, out);

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Demo hub: not loaded")
                .contains("identity-service");
        assertThat(data.resolve(DemoStartup.MARKER)).doesNotExist();
    }

    @Test
    void aFailedLoadLeavesThePlatformRunningAndNoMarker() {
        System.setProperty(DemoStartup.PROPERTY, "small");

        DemoStartup.run(data, unreachable(), NO_SERVICE_TOKENS, out);

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Demo hub not loaded")
                .contains("The next start carries on");
        assertThat(data.resolve(DemoStartup.MARKER)).doesNotExist();
    }

    @Test
    void theMarkerNamesTheHubAndTheCurlLinesUseIt() throws Exception {
        DemoPlan plan = DemoPlan.generate(3, DemoSize.small(), LocalDate.of(2026, 11, 24), "demo");
        DemoHubReport report = new DemoHubReport(plan.hubId(), 2, plan.pupilCount(), 10, 100, 500, Map.of(), 1, 1, 1,
                10, 12, 4, 3, 0, Duration.ofSeconds(12), Map.of());
        Properties marker = DemoStartup.marker(plan, report);
        assertThat(marker.getProperty("hubId")).isEqualTo("demo-hub");
        assertThat(marker.getProperty("schoolId")).isEqualTo("demo-school-01");

        DemoStartup.printHowToLook(out, new DemoTarget(URI.create("http://localhost:8081"),
                URI.create("http://localhost:8082"), URI.create("http://localhost:8083")), marker);

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("curl -s -H \"Authorization: Bearer $COORDINATOR_TOKEN\" "
                        + "'http://localhost:8083/api/v1/hubs/demo-hub/shout-outs?status=OPEN'")
                .contains("-H \"Authorization: Bearer $LEADER_TOKEN\" 'http://localhost:8081/api/v1/schools/demo-school-01/pupils'")
                .contains("http://localhost:8083/api/v1/hubs/demo-hub/coverage?academicYear=")
                .contains("http://localhost:8083/api/v1/schools/demo-school-01/coverage?academicYear=")
                .contains("http://localhost:8083/api/v1/schools/demo-school-01/at-risk?measure=GB6_BY_16")
                .contains("demo_token() { curl -s -u")
                .contains("COORDINATOR_TOKEN=$(demo_token coordinator.demo-hub)"
                        + " LEADER_TOKEN=$(demo_token leader.demo-school-01)"
                        + " EMPLOYER_TOKEN=$(demo_token employer.demo-employer-001)");
        assertThat(Files.list(data)).isEmpty();
    }

    /** Tokens for a target nobody listens at: never checked, so any string does. */
    private static final DemoTokens NO_SERVICE_TOKENS = new DemoTokens() {
        @Override
        public String admin() {
            return "admin-token";
        }

        @Override
        public String hubCoordinator(String hubId) {
            return "coordinator-token";
        }

        @Override
        public String careersLeader(String hubId, String schoolId) {
            return "leader-token";
        }

        @Override
        public String employer(String employer) {
            return "employer-token";
        }

        @Override
        public String employerId(String employer) {
            return employer;
        }
    };

    private static DemoTarget unreachable() {
        URI nobody = URI.create("http://127.0.0.1:" + JavaProcess.freePort());
        return new DemoTarget(nobody, nobody, nobody);
    }
}
