package uk.encounters.identity.token;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import uk.encounters.identity.account.Account;
import uk.encounters.identity.account.Accounts;
import uk.encounters.identity.client.IntegrationClients;

/**
 * The claims the resource servers rely on: {@code sub} = account id, {@code role}, {@code tenant} (absent for
 * admins), and for integration clients also {@code client_id}; an integration client acts as the account that
 * created it. The account is read afresh for every token, so a disabled account gets none.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLE = "role";
    static final String TENANT = "tenant";
    static final String CLIENT_ID = "client_id";

    private final Accounts accounts;

    TokenClaims(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        boolean integration = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
        String accountId = integration
                ? IntegrationClients.owner(context.getRegisteredClient())
                : context.getPrincipal().getName();
        Account account = (accountId == null ? null : accounts.byId(accountId).filter(Account::active).orElse(null));
        if (account == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                    "The account is not active.", null));
        }
        context.getClaims().subject(account.id()).claim(ROLE, account.role().name());
        if (account.tenant() != null) {
            context.getClaims().claim(TENANT, account.tenant());
        }
        if (integration) {
            context.getClaims().claim(CLIENT_ID, context.getRegisteredClient().getClientId());
        }
    }
}
