package uk.encounters.platform.security;

/**
 * Who is asking, as the bearer token says: the account ({@code sub}), its role and the tenant the role applies to
 * (school, employer or hub id; null for a platform admin). Holds nothing secret, so it may appear in logs.
 */
public record Caller(String accountId, Role role, String tenantId) {

    public Caller {
        if (accountId == null || accountId.isBlank() || role == null) {
            throw new IllegalArgumentException("a caller needs an account id and a role");
        }
        if (role.needsTenant() && (tenantId == null || tenantId.isBlank())) {
            throw new IllegalArgumentException(role + " needs a tenant");
        }
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }

    /** Whether the caller has this role for exactly this tenant (a school, employer or hub id). */
    public boolean actsFor(Role wanted, String tenant) {
        return role == wanted && tenant != null && tenant.equals(tenantId);
    }
}
