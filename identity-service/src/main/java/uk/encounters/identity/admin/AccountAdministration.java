package uk.encounters.identity.admin;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.encounters.identity.account.Account;
import uk.encounters.identity.account.AccountStatus;
import uk.encounters.identity.account.AccountView;
import uk.encounters.identity.account.Accounts;
import uk.encounters.identity.account.Role;
import uk.encounters.identity.directory.HubDirectory;
import uk.encounters.identity.token.IssuedAuthorizations;
import uk.encounters.identity.web.Caller;
import uk.encounters.platform.web.ProblemException;

/**
 * Offboarding: a platform admin lists, disables and enables any account; a hub coordinator the careers leaders of
 * their own hub's schools only (the hub a school is in now, as {@link HubDirectory} knows it, as for invitations).
 * An account the caller may not manage is answered exactly like one that does not exist. A disabled account cannot
 * sign in, its integration clients get no tokens, and its sign-ins' codes are forgotten at once; access tokens
 * already issued run out on their own (15 minutes by default).
 */
@Service
public class AccountAdministration {

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);
    private static final Set<Role> MANAGERS = Set.of(Role.PLATFORM_ADMIN, Role.HUB_COORDINATOR);

    private final Accounts accounts;
    private final HubDirectory directory;
    private final IssuedAuthorizations authorizations;
    private final Clock clock;

    AccountAdministration(Accounts accounts, HubDirectory directory, IssuedAuthorizations authorizations,
                          Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    /** The accounts the caller manages, optionally of one role and tenant; a coordinator sees careers leaders only. */
    public List<AccountView> list(Caller caller, Role role, String tenantId) {
        caller.requireRole(MANAGERS);
        List<Account> found;
        if (caller.role() == Role.PLATFORM_ADMIN) {
            found = accounts.list(role, tenantId == null ? null : Set.of(tenantId));
        } else if (role != null && role != Role.CAREERS_LEADER) {
            found = List.of();
        } else {
            List<String> schools = directory.schoolsOf(caller.tenantId());
            found = accounts.list(Role.CAREERS_LEADER,
                    tenantId == null ? schools : schools.stream().filter(tenantId::equals).toList());
        }
        return found.stream().map(AccountView::of).toList();
    }

    public AccountView disable(Caller caller, String accountId) {
        Account account = managed(caller, accountId);
        if (account.id().equals(caller.accountId())) {
            throw ProblemException.unprocessable("accountId", "You cannot disable your own account.");
        }
        if (account.status() != AccountStatus.DISABLED) {
            if (!accounts.disable(account.id(), account.status(), caller.accountId(), clock.instant())) {
                throw changedMeanwhile();
            }
            int forgotten = authorizations.removeAllOf(account.id());
            log.info("Account {} disabled by {} ({} sign-in authorizations ended)", account.id(), caller.accountId(),
                    forgotten);
        }
        return current(account.id());
    }

    public AccountView enable(Caller caller, String accountId) {
        Account account = managed(caller, accountId);
        if (account.status() == AccountStatus.DISABLED) {
            AccountStatus previous = account.disabled() == null ? AccountStatus.ACTIVE
                    : account.disabled().previousStatus();
            if (!accounts.enable(account.id(), previous, caller.accountId(), clock.instant())) {
                throw changedMeanwhile();
            }
            log.info("Account {} enabled by {}", account.id(), caller.accountId());
        }
        return current(account.id());
    }

    /** The account if the caller may manage it; otherwise the answer for an account that does not exist. */
    private Account managed(Caller caller, String accountId) {
        caller.requireRole(MANAGERS);
        return accounts.byId(accountId)
                .filter(account -> caller.role() == Role.PLATFORM_ADMIN
                        || (account.role() == Role.CAREERS_LEADER && directory.hubOf(account.tenant())
                        .filter(hub -> hub.equals(caller.tenantId())).isPresent()))
                .orElseThrow(() -> noSuchAccount(accountId));
    }

    private AccountView current(String accountId) {
        return accounts.byId(accountId).map(AccountView::of).orElseThrow(() -> noSuchAccount(accountId));
    }

    private static ProblemException noSuchAccount(String accountId) {
        return ProblemException.notFound("No account " + accountId + " is known.");
    }

    private static ProblemException changedMeanwhile() {
        return ProblemException.conflict("The account changed meanwhile; ask again.");
    }
}
