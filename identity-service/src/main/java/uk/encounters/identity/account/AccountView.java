package uk.encounters.identity.account;

/** An account as the API shows it: never the password hash. */
public record AccountView(String accountId, String email, Role role, String tenantId, AccountStatus status,
                          String organisationName) {

    public static AccountView of(Account account) {
        return new AccountView(account.id(), account.email(), account.role(), account.tenant(), account.status(),
                account.organisationName());
    }
}
