package uk.encounters.identity.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.encounters.identity.IdentityProperties;
import uk.encounters.identity.account.Account;
import uk.encounters.identity.account.AccountStatus;
import uk.encounters.identity.account.AccountView;
import uk.encounters.identity.account.Accounts;
import uk.encounters.identity.account.Passwords;
import uk.encounters.identity.account.Role;
import uk.encounters.identity.directory.HubDirectory;
import uk.encounters.identity.link.OneTimeLinks;
import uk.encounters.identity.mail.Mail;
import uk.encounters.identity.mail.Mailer;
import uk.encounters.identity.web.Caller;
import uk.encounters.platform.web.ProblemException;

/**
 * Invitations: a platform admin invites a hub's coordinator, a coordinator invites the careers leaders of their own
 * hub's schools. The invited account exists from the start (status INVITED, no password); a single-use, expiring
 * link lets the person set a password, which activates it, and records who invited it. Everything is checked
 * before anything is written. An email that has an account already gets the same answer as a new one, and a notice
 * instead of an invitation.
 */
@Service
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final Accounts accounts;
    private final HubDirectory directory;
    private final OneTimeLinks links;
    private final Mailer mailer;
    private final Passwords passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    Invitations(Accounts accounts, HubDirectory directory, OneTimeLinks links, Mailer mailer, Passwords passwords,
                IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.links = links;
        this.mailer = mailer;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /** The answer to an invitation, the same whether or not the email had an account already. */
    public record Invited(String email, Role role, String tenantId, Instant expiresAt) {
    }

    public Invited invite(Caller inviter, String email, Role role, String tenantId) {
        inviter.requireRole(Set.of(Role.PLATFORM_ADMIN, Role.HUB_COORDINATOR));
        checkTenancy(inviter, role, tenantId);
        Invited invited = new Invited(email.strip(), role, tenantId,
                clock.instant().plus(properties.invitationLifetime()));
        Account account = accounts.byEmail(email).orElse(null);
        if (account == null) {
            account = new Account(Accounts.newId(), email.strip(), null, role, tenantId, AccountStatus.INVITED, null,
                    clock.instant(), inviter.accountId(), null);
            if (!accounts.insert(account)) {
                account = accounts.byEmail(email).orElseThrow(); // invited or registered a moment ago
            }
        }
        if (!(account.status() == AccountStatus.INVITED && account.role() == role
                && tenantId.equals(account.tenant()))) {
            // Answered like a new email, so inviting cannot be used to find out who has an account; the
            // mailbox's owner hears about it instead, as for a registration of a taken email.
            mailer.send(new Mail(account.email(), "Someone tried to invite your email address",
                    "Someone tried to invite " + account.email() + " to the employer encounters platform as "
                            + describe(role, tenantId) + ", but it has an account already, which stays as it is. "
                            + "Sign in at " + properties.baseUrl() + "/login. If the invitation was meant for you, "
                            + "tell whoever invited you; otherwise you need do nothing.\n"));
            log.info("Invitation by {} for existing account {}: its holder is told, nothing created",
                    inviter.accountId(), account.id());
            return invited;
        }
        // Inviting again (the first link expired or got lost) replaces the earlier link.
        String secret = links.issue(OneTimeLinks.Purpose.INVITATION, account.id(), properties.invitationLifetime());
        mailer.send(new Mail(account.email(), "You are invited to the employer encounters platform",
                "You have been invited as " + describe(role, tenantId) + ".\n\n"
                        + "Choose your password here to activate your account (the link works once, for "
                        + properties.invitationLifetime().toDays() + " days):\n"
                        + properties.baseUrl() + "/invitations/" + secret + "\n\n"
                        + "Then sign in at " + properties.baseUrl() + "/login with this email address.\n"));
        log.info("Account {} invited as {} by {}", account.id(), role, inviter.accountId());
        return invited;
    }

    /** Sets the password and activates the invited account; 404 for a link unknown, used or expired. */
    public AccountView accept(String secret, String password) {
        String hash = passwords.hashAcceptable("password", password);
        String accountId = links.use(OneTimeLinks.Purpose.INVITATION, secret).orElseThrow(Invitations::noSuchLink);
        if (!accounts.activate(accountId, AccountStatus.INVITED, hash)) {
            throw noSuchLink();
        }
        log.info("Account {} accepted its invitation", accountId);
        return accounts.byId(accountId).map(AccountView::of).orElseThrow(Invitations::noSuchLink);
    }

    public boolean linkWorks(String secret) {
        return links.valid(OneTimeLinks.Purpose.INVITATION, secret);
    }

    static ProblemException noSuchLink() {
        return ProblemException.notFound("This invitation link is unknown, used already or expired; "
                + "ask for a new invitation.");
    }

    /**
     * Admins invite coordinators of a known hub; coordinators invite careers leaders of a school in their own hub. A
     * school of another hub gets the same answer as a school that does not exist.
     */
    private void checkTenancy(Caller inviter, Role role, String tenantId) {
        if (inviter.role() == Role.PLATFORM_ADMIN) {
            if (role != Role.HUB_COORDINATOR) {
                throw ProblemException.unprocessable("role", "A platform admin invites hub coordinators.");
            }
            if (!directory.hubExists(tenantId)) {
                throw ProblemException.unprocessable("tenantId", "No hub " + tenantId + " is known (yet).");
            }
            return;
        }
        if (role != Role.CAREERS_LEADER) {
            throw ProblemException.unprocessable("role", "A hub coordinator invites careers leaders.");
        }
        if (!directory.hubOf(tenantId).filter(hub -> hub.equals(inviter.tenantId())).isPresent()) {
            throw ProblemException.unprocessable("tenantId", "No school " + tenantId + " is known in your hub.");
        }
    }

    private static String describe(Role role, String tenantId) {
        return switch (role) {
            case HUB_COORDINATOR -> "coordinator of Careers Hub " + tenantId;
            case CAREERS_LEADER -> "careers leader of school " + tenantId;
            default -> role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
