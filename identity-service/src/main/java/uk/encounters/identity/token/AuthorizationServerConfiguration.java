package uk.encounters.identity.token;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import uk.encounters.identity.IdentityProperties;
import uk.encounters.identity.account.Account;
import uk.encounters.identity.account.Accounts;
import uk.encounters.identity.client.IntegrationClients;

/**
 * The authorization server's parts: a fixed issuer (so tokens name the public URL whatever host a request used),
 * the clients, and the decoder this service uses for its own API, which trusts exactly the keys it signs with.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.baseUrl()).build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties properties,
                                                          IntegrationClients integrationClients) {
        return new PlatformClients(portal(properties), integrationClients);
    }

    @Bean
    IssuedAuthorizations authorizationService() {
        return new IssuedAuthorizations();
    }

    /**
     * Its own tokens only, and only while their account is active: this service reads the account anyway, so a
     * disabled account's tokens stop working on its API (inviting, disabling, clients) at once, not when they expire.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, IdentityProperties properties, Accounts accounts) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        OAuth2TokenValidator<Jwt> activeAccount = jwt -> jwt.getSubject() != null
                && accounts.byId(jwt.getSubject()).filter(Account::active).isPresent()
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The token's account is not active.", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.baseUrl()), activeAccount));
        return decoder;
    }

    /**
     * The browser portal: a public client (no secret can be kept in a browser), so PKCE is required, and it gets
     * no refresh tokens. Signing in is consent-free: it is the platform's own client.
     */
    static RegisteredClient portal(IdentityProperties properties) {
        IdentityProperties.Portal portal = properties.portal();
        return RegisteredClient.withId("portal")
                .clientId(portal.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(portal.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(portal.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenLifetime()).build())
                .build();
    }
}
