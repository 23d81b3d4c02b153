package uk.encounters.identity.account;

import java.time.Instant;
import java.util.Locale;

/**
 * A person's account. {@code id} ({@code acc-<uuid>}) is the {@code sub} of their tokens and the acting user on what
 * they do; the email is only for signing in and mail.
 *
 * @param passwordHash null until the account has a password (invited accounts)
 * @param tenant       school, employer or hub id, by role; null for platform admins
 * @param invitedBy    the account that invited this one; null for registered employers and the first admin
 * @param disabled     who disabled the account and when, while it is {@link AccountStatus#DISABLED}; else null
 */
public record Account(String id, String email, String passwordHash, Role role, String tenant, AccountStatus status,
                      String organisationName, Instant createdAt, String invitedBy, Disabled disabled) {

    public Account(String id, String email, String passwordHash, Role role, String tenant, AccountStatus status,
                   String organisationName, Instant createdAt) {
        this(id, email, passwordHash, role, tenant, status, organisationName, createdAt, null, null);
    }

    /** @param previousStatus what enabling the account again restores (an invited account stays invited) */
    public record Disabled(String by, Instant at, AccountStatus previousStatus) {
    }

    /** Emails are unique regardless of case: {@code Ann@School.org} and {@code ann@school.org} are one account. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    /** Never the hash: records print their fields, and this one must not reach a log line. */
    @Override
    public String toString() {
        return "Account[" + id + " " + role + " " + status + "]";
    }
}
