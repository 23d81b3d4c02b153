package uk.encounters.identity.account;

/** What an account may do; the {@code role} claim of its tokens. */
public enum Role {
    /** Runs careers at one school; tenant = the school id. */
    CAREERS_LEADER,
    /** Acts for one employer organisation; tenant = the employer id this service minted at registration. */
    EMPLOYER,
    /** Coordinates one Careers Hub; tenant = the hub id. */
    HUB_COORDINATOR,
    /** Manages hubs and accounts; no tenant. */
    PLATFORM_ADMIN
}
