package uk.encounters.platform.axon;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Axon settings every service needs, at the lowest precedence so a service can still override them: no Axon
 * Server (there is none), no update check (it would try to reach the internet), and Jackson 2 for everything Axon
 * stores, because XStream output is tied to class internals and Axon's Jackson 3 serializer cannot read
 * {@code ReplayToken}s without extra configuration.
 */
public class AxonDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "encountersAxonDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "axon.axonserver.enabled", "false",
            "axon.update-check.disabled", "true",
            "axon.serializer.general", "jackson",
            "axon.serializer.events", "jackson",
            "axon.serializer.messages", "jackson");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
        }
    }
}
