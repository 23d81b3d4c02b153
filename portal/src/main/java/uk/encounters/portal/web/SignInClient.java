package uk.encounters.portal.web;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import uk.encounters.portal.PortalProperties;
import uk.encounters.portal.api.PlatformApi;

/**
 * The portal as identity-service's {@code portal} client, written out rather than discovered so the portal can start
 * before identity-service answers. A public client: PKCE instead of a secret.
 */
@Configuration
class SignInClient {

    @Bean
    ClientRegistrationRepository clientRegistrations(PortalProperties properties) {
        String identity = properties.identity().toString().replaceAll("/$", "");
        String backchannel = properties.identityForPortal().toString().replaceAll("/$", "");
        ClientRegistration portal = ClientRegistration.withRegistrationId(PlatformApi.REGISTRATION)
                .clientId("portal")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID)
                .authorizationUri(identity + "/oauth2/authorize")
                .tokenUri(backchannel + "/oauth2/token")
                .jwkSetUri(backchannel + "/oauth2/jwks")
                .issuerUri(identity)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", identity + "/connect/logout"))
                .clientName("Employer encounters")
                .build();
        return new InMemoryClientRegistrationRepository(portal);
    }
}
