package uk.encounters.identity.registration;

import java.time.Clock;
import java.util.UUID;
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
import uk.encounters.identity.link.OneTimeLinks;
import uk.encounters.identity.mail.Mail;
import uk.encounters.identity.mail.Mailer;
import uk.encounters.platform.web.ProblemException;

/**
 * Employers register themselves and confirm their email by a mailed link; until then they cannot sign in. The
 * employer id (the account's tenant) is minted here. A registration answers the same whether or not the email has
 * an account already, so it cannot be used to find out who is registered: the mailbox's owner hears about it.
 */
@Service
public class EmployerRegistrations {

    private static final Logger log = LoggerFactory.getLogger(EmployerRegistrations.class);

    private final Accounts accounts;
    private final OneTimeLinks links;
    private final Mailer mailer;
    private final Passwords passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    EmployerRegistrations(Accounts accounts, OneTimeLinks links, Mailer mailer, Passwords passwords,
                          IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.mailer = mailer;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    public void register(String email, String password, String organisationName) {
        String hash = passwords.hashAcceptable("password", password);
        Account existing = accounts.byEmail(email).orElse(null);
        if (existing != null && existing.status() != AccountStatus.PENDING_CONFIRMATION) {
            mailer.send(new Mail(existing.email(), "Someone tried to register your email address",
                    "Someone (perhaps you) tried to register " + existing.email() + " as an employer, but it has an "
                            + "account already. Sign in at " + properties.baseUrl() + "/login. If this was not you, "
                            + "you need do nothing.\n"));
            return;
        }
        Account account = existing;
        if (account == null) {
            account = new Account(Accounts.newId(), email.strip(), hash, Role.EMPLOYER, "emp-" + UUID.randomUUID(),
                    AccountStatus.PENDING_CONFIRMATION, organisationName, clock.instant());
            if (!accounts.insert(account)) {
                // registered by someone else a moment ago: answer as for any existing account
                return;
            }
        } else {
            // Only the mailbox's owner can confirm, so the latest registration is the one that counts.
            accounts.replacePending(account.id(), hash, organisationName);
        }
        String secret = links.issue(OneTimeLinks.Purpose.CONFIRMATION, account.id(), properties.confirmationLifetime());
        mailer.send(new Mail(account.email(), "Confirm your email address",
                "Confirm your email address to finish registering " + organisationName + " as an employer "
                        + "(the link works once, for " + properties.confirmationLifetime().toHours() + " hours):\n"
                        + properties.baseUrl() + "/registrations/" + secret + "\n\n"
                        + "If you did not register, ignore this mail.\n"));
        log.info("Employer account {} registered, awaiting confirmation", account.id());
    }

    public AccountView confirm(String secret) {
        String accountId = links.use(OneTimeLinks.Purpose.CONFIRMATION, secret)
                .orElseThrow(EmployerRegistrations::noSuchLink);
        if (!accounts.activate(accountId, AccountStatus.PENDING_CONFIRMATION, null)) {
            throw noSuchLink();
        }
        log.info("Employer account {} confirmed", accountId);
        return accounts.byId(accountId).map(AccountView::of).orElseThrow(EmployerRegistrations::noSuchLink);
    }

    public boolean linkWorks(String secret) {
        return links.valid(OneTimeLinks.Purpose.CONFIRMATION, secret);
    }

    static ProblemException noSuchLink() {
        return ProblemException.notFound("This confirmation link is unknown, used already or expired; "
                + "register again for a new one.");
    }
}
