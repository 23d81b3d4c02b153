package uk.encounters.portal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import uk.encounters.portal.PortalProperties;

/**
 * At sign-in, reads the account behind the new token from identity-service ({@code GET /api/v1/account}): its role
 * becomes the session's authority ({@code ROLE_EMPLOYER}, ...), its tenant and email the person's attributes.
 */
@Component
class AccountUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService oidc = new OidcUserService();
    private final RestClient identity;

    AccountUserService(RestClient.Builder builder, PortalProperties properties) {
        this.identity = builder.baseUrl(properties.identityForPortal().toString()).build();
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = oidc.loadUser(request);
        Map<String, Object> account = identity.get().uri("/api/v1/account")
                .headers(h -> h.setBearerAuth(request.getAccessToken().getTokenValue()))
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        Map<String, Object> claims = new HashMap<>(user.getUserInfo() == null ? Map.of() : user.getUserInfo().getClaims());
        claims.put("sub", user.getSubject());
        for (String key : List.of("email", "role", "tenantId", "organisationName")) {
            if (account != null && account.get(key) != null) {
                claims.put(key, account.get(key));
            }
        }
        String role = String.valueOf(claims.getOrDefault("role", "NONE"));
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + role)), user.getIdToken(),
                new OidcUserInfo(claims), "sub");
    }
}
