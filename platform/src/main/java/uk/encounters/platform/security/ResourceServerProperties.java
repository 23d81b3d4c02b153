package uk.encounters.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which issuer the service trusts and where its tokens keep role and tenant ({@code encounters.security.*}).
 *
 * @param issuerUri the issuer's URI exactly as its tokens' {@code iss} claim has it
 * @param jwkSetUri where the issuer's public keys are fetched; {@code <issuerUri>/oauth2/jwks} when not set. Set it
 *                  where the service reaches the issuer by another address than the one in its tokens (containers:
 *                  the {@code iss} says {@code localhost}, the issuer is {@code identity-service} on their network)
 */
@ConfigurationProperties("encounters.security")
public record ResourceServerProperties(@DefaultValue("http://localhost:8080") String issuerUri, String jwkSetUri,
                                       @DefaultValue Claims claims) {

    public ResourceServerProperties {
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri.replaceAll("/+$", "") + "/oauth2/jwks";
        }
    }

    public record Claims(@DefaultValue("role") String role, @DefaultValue("tenant") String tenant) {
    }
}
