package uk.encounters.identity.account;

import java.time.Instant;

/**
 * An account as the API shows it: never the password hash.
 *
 * @param invitedBy  the inviting account's id, if it was invited
 * @param disabledBy the id of the account that disabled it, while it is disabled
 */
public record AccountView(String accountId, String email, Role role, String tenantId, AccountStatus status,
                          String organisationName, String invitedBy, String disabledBy, Instant disabledAt) {

    public static AccountView of(Account account) {
        Account.Disabled disabled = account.disabled();
        return new AccountView(account.id(), account.email(), account.role(), account.tenant(), account.status(),
                account.organisationName(), account.invitedBy(), disabled == null ? null : disabled.by(),
                disabled == null ? null : disabled.at());
    }
}
