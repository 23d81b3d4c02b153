package uk.encounters.platform.security;

/** What a signed-in account is to the platform; the token's role claim names one of these. */
public enum Role {
    /** Staff of one school or college; tenant: the school id. */
    CAREERS_LEADER("a careers leader"),
    /** One employer's account; tenant: the employer id. */
    EMPLOYER("an employer"),
    /** Coordinator of one Careers Hub; tenant: the hub id. */
    HUB_COORDINATOR("a hub coordinator"),
    /** Manages hubs and accounts; no tenant, and no access to schools' or employers' data. */
    PLATFORM_ADMIN("a platform admin");

    private final String words;

    Role(String words) {
        this.words = words;
    }

    /** How refusals name the role: "a careers leader". */
    public String words() {
        return words;
    }

    public boolean needsTenant() {
        return this != PLATFORM_ADMIN;
    }
}
