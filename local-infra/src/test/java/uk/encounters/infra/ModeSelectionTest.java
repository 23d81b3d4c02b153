package uk.encounters.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import uk.encounters.infra.Infrastructure.Mode;

class ModeSelectionTest {

    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier DOCKER_MUST_NOT_BE_ASKED = () -> {
        throw new AssertionError("Docker was probed although the answer could not change the mode");
    };
    private static final Map<String, String> EXTERNAL_SERVERS = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "MONGODB_URI", "mongodb://mongo:27017/?replicaSet=rs0");

    @Test
    void bothServerVariablesSelectExternalWithoutProbingDocker() {
        assertThat(InfrastructureFactory.selectMode(EXTERNAL_SERVERS, DOCKER_MUST_NOT_BE_ASKED))
                .isEqualTo(Mode.EXTERNAL);
    }

    @Test
    void externalModeUsesTheGivenServersVerbatim() {
        try (Infrastructure infra = InfrastructureFactory.fromEnvironment(EXTERNAL_SERVERS)) {
            assertThat(infra.kafkaBootstrapServers()).isEqualTo("kafka:9092");
            assertThat(infra.mongoUri()).isEqualTo("mongodb://mongo:27017/?replicaSet=rs0");
            assertThat(infra.realMongo()).isTrue();
        }
    }

    @Test
    void onlyOneServerVariableIsNotEnoughForExternal() {
        assertThat(InfrastructureFactory.selectMode(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), NO_DOCKER))
                .isEqualTo(Mode.EMBEDDED);
        assertThat(InfrastructureFactory.selectMode(Map.of("MONGODB_URI", "mongodb://m", "KAFKA_BOOTSTRAP_SERVERS",
                " "), NO_DOCKER)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void dockerSelectsContainersAndItsAbsenceEmbedded() {
        assertThat(InfrastructureFactory.selectMode(Map.of(), DOCKER)).isEqualTo(Mode.CONTAINERS);
        assertThat(InfrastructureFactory.selectMode(Map.of(), NO_DOCKER)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void forcedEmbeddedWinsOverExternalVariablesAndDocker() {
        Map<String, String> env = new java.util.HashMap<>(EXTERNAL_SERVERS);
        env.put("ENCOUNTERS_INFRA", "Embedded");
        assertThat(InfrastructureFactory.selectMode(env, DOCKER_MUST_NOT_BE_ASKED)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void forcedContainersWithoutDockerFailsWithAnExplanation() {
        assertThatThrownBy(() -> InfrastructureFactory.selectMode(Map.of("ENCOUNTERS_INFRA", "containers"),
                NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ENCOUNTERS_INFRA=containers, but no Docker daemon answers");
    }

    @Test
    void forcedContainersOnThisMachineFailsWhenTheRealProbeFindsNoDocker() {
        assumeFalse(InfrastructureFactory.dockerAvailable(), "a Docker daemon answers here");
        assertThatThrownBy(() -> InfrastructureFactory.fromEnvironment(Map.of("ENCOUNTERS_INFRA", "containers")))
                .hasMessageContaining("no Docker daemon answers");
    }

    @Test
    void forcedExternalWithoutServersFails() {
        assertThatThrownBy(() -> InfrastructureFactory.selectMode(Map.of("ENCOUNTERS_INFRA", "external"), NO_DOCKER))
                .hasMessageContaining("needs both KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI");
    }

    @Test
    void anUnknownForcedModeNamesTheValidOnes() {
        assertThatThrownBy(() -> InfrastructureFactory.selectMode(Map.of("ENCOUNTERS_INFRA", "docker"), NO_DOCKER))
                .hasMessageContaining("ENCOUNTERS_INFRA=docker is not one of embedded, containers, external");
    }

    @Test
    void aDockerHostVariableIsASignOfDockerWorthProbing() {
        assertThat(DockerHints.anyPresent(Map.of("DOCKER_HOST", "tcp://build-agent:2375"))).isTrue();
    }
}
