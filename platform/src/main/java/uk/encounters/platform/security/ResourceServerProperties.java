package uk.encounters.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which issuer the service trusts and where its tokens keep role and tenant ({@code encounters.security.*}).
 *
 * @param issuerUri the issuer's URI exactly as its tokens' {@code iss} claim has it; keys come from
 *                  {@code <issuerUri>/oauth2/jwks}
 */
@ConfigurationProperties("encounters.security")
public record ResourceServerProperties(@DefaultValue("http://localhost:8080") String issuerUri,
                                       @DefaultValue Claims claims) {

    public String jwkSetUri() {
        return issuerUri.replaceAll("/+$", "") + "/oauth2/jwks";
    }

    public record Claims(@DefaultValue("role") String role, @DefaultValue("tenant") String tenant) {
    }
}
