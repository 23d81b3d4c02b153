package uk.encounters.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ResourceServerPropertiesTest {

    @Test
    void theKeysAreAtTheIssuersJwksUnlessNamedApart() {
        assertThat(bind(Map.of("encounters.security.issuer-uri", "http://localhost:8080/")).jwkSetUri())
                .isEqualTo("http://localhost:8080/oauth2/jwks");
        ResourceServerProperties inContainers = bind(Map.of("encounters.security.issuer-uri", "http://localhost:8080",
                "encounters.security.jwk-set-uri", "http://identity-service:8080/oauth2/jwks"));
        assertThat(inContainers.issuerUri()).isEqualTo("http://localhost:8080");
        assertThat(inContainers.jwkSetUri()).isEqualTo("http://identity-service:8080/oauth2/jwks");
    }

    private static ResourceServerProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("encounters.security", ResourceServerProperties.class);
    }
}
