package uk.encounters.identity.token;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * What the authorization server remembers between the steps of a sign-in (codes, and the tokens the userinfo
 * endpoint looks up), in memory: a restart only means signing in again, since issued JWTs are checked by signature
 * alone. Client-credentials tokens are not kept at all: nothing ever looks them up, and scripts asking for one per
 * run would otherwise fill the memory. Kept by account too, so disabling an account ends its sign-ins' unredeemed
 * codes and userinfo lookups at once.
 * <p>
 * Every call holds this object's lock: the in-memory service keeps codes being redeemed in an unsynchronized linked
 * map, and concurrent sign-ins (the demo load signs in many employers at once) failed a code exchange with a
 * {@code ConcurrentModificationException} (a 500) while another sign-in changed it.
 */
public final class IssuedAuthorizations implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService memory = new InMemoryOAuth2AuthorizationService();
    /** Authorization ids by principal name (the account id); may name some the memory has already let go of. */
    private final ConcurrentMap<String, Set<String>> byAccount = new ConcurrentHashMap<>();

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            memory.save(authorization);
            byAccount.computeIfAbsent(authorization.getPrincipalName(), name -> ConcurrentHashMap.newKeySet())
                    .add(authorization.getId());
        }
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        memory.remove(authorization);
        byAccount.computeIfPresent(authorization.getPrincipalName(), (name, ids) -> {
            ids.remove(authorization.getId());
            return ids.isEmpty() ? null : ids;
        });
    }

    /** Forgets every authorization of the account: its codes cannot be redeemed, its tokens not looked up. */
    public synchronized int removeAllOf(String accountId) {
        Set<String> ids = byAccount.remove(accountId);
        int removed = 0;
        for (String id : ids == null ? Set.<String>of() : ids) {
            OAuth2Authorization authorization = memory.findById(id);
            if (authorization != null) {
                memory.remove(authorization);
                removed++;
            }
        }
        return removed;
    }

    @Override
    public synchronized OAuth2Authorization findById(String id) {
        return memory.findById(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return memory.findByToken(token, tokenType);
    }
}
