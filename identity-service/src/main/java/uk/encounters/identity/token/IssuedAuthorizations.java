package uk.encounters.identity.token;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * What the authorization server remembers between the steps of a sign-in (codes, and the tokens the userinfo
 * endpoint looks up), in memory: a restart only means signing in again, since issued JWTs are checked by signature
 * alone. Client-credentials tokens are not kept at all: nothing ever looks them up, and scripts asking for one per
 * run would otherwise fill the memory.
 */
final class IssuedAuthorizations implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService memory = new InMemoryOAuth2AuthorizationService();

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            memory.save(authorization);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        memory.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return memory.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return memory.findByToken(token, tokenType);
    }
}
