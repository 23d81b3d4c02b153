package uk.encounters.identity.signin;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who signed in through the login form. Its name is the account id, which the authorization server puts in the
 * {@code sub} of the tokens it issues for this sign-in.
 */
public record AccountPrincipal(String accountId) implements AuthenticatedPrincipal {

    @Override
    public String getName() {
        return accountId;
    }
}
