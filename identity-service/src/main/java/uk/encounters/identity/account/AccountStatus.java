package uk.encounters.identity.account;

/** Only ACTIVE accounts can sign in or have tokens issued for their integration clients. */
public enum AccountStatus {
    /** Invited; no password until the invitation link is used. */
    INVITED,
    /** A self-registered employer whose email address is not confirmed yet. */
    PENDING_CONFIRMATION,
    ACTIVE,
    DISABLED
}
