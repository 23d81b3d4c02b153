package uk.encounters.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified JWT into the {@link Caller}: {@code sub}, and the role and tenant claims under their configured
 * names. A token without a known role, or without the tenant its role needs, is refused like a bad signature (401).
 */
final class CallerTokenConverter implements Converter<Jwt, CallerAuthentication> {

    private final ResourceServerProperties.Claims claims;

    CallerTokenConverter(ResourceServerProperties.Claims claims) {
        this.claims = claims;
    }

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        String subject = jwt.getSubject();
        String roleName = jwt.getClaimAsString(claims.role());
        String tenant = jwt.getClaimAsString(claims.tenant());
        Role role;
        try {
            role = Role.valueOf(roleName == null ? "" : roleName);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token names no role this platform knows.");
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("The token names no account.");
        }
        if (role.needsTenant() && (tenant == null || tenant.isBlank())) {
            throw new InvalidBearerTokenException("The token's role needs a tenant, and it names none.");
        }
        return new CallerAuthentication(new Caller(subject, role, role.needsTenant() ? tenant : null));
    }
}
