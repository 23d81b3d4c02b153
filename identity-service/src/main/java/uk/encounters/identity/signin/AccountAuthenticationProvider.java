package uk.encounters.identity.signin;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import uk.encounters.identity.account.Account;
import uk.encounters.identity.account.AccountStatus;
import uk.encounters.identity.account.Accounts;

/**
 * Sign-in with email and password, throttled. Every refusal (wrong password, unknown email, locked, not yet
 * activated) is the same {@link BadCredentialsException} after the same amount of hashing work, so the response
 * tells an attacker nothing about which emails exist or whether a lock is in force. A disabled account is refused
 * the same way too, unless the right password was given: then the person is told their account is disabled.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(AccountAuthenticationProvider.class);
    static final String REFUSED = "Email or password not recognised.";
    static final String DISABLED = "Your account is disabled. Ask your hub coordinator or the platform's admins "
            + "if you need it again.";

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Compared against when there is no real hash, so refusals cost as much time as a wrong password. */
    private final String decoyHash;

    AccountAuthenticationProvider(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.clock = clock;
        this.decoyHash = encoder.encode("decoy password for constant-time refusals");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String emailKey = Account.emailKey(email);
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;

        if (throttle.locked(emailKey, address)) {
            encoder.matches(password, decoyHash);
            throw new BadCredentialsException(REFUSED);
        }
        Optional<Account> found = accounts.byEmail(email);
        String hash = found.map(Account::passwordHash).orElse(null);
        boolean matches = encoder.matches(password, hash == null ? decoyHash : hash) && hash != null;
        if (matches && found.get().status() == AccountStatus.DISABLED) {
            // The password is proven, so saying why cannot help someone guessing: only the person learns it.
            log.info("Account {} refused: disabled", found.get().id());
            throw new DisabledException(DISABLED);
        }
        if (!matches || !found.get().active()) {
            throttle.failed(emailKey, address);
            throw new BadCredentialsException(REFUSED);
        }
        Account account = found.get();
        throttle.succeeded(emailKey);
        if (encoder.upgradeEncoding(hash)) {
            accounts.replacePasswordHash(account.id(), encoder.encode(password));
        }
        log.info("Account {} signed in", account.id());
        // The password factor's time becomes the ID token's auth_time.
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(account.id()), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()),
                        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                                .issuedAt(clock.instant()).build()));
        signedIn.setDetails(authentication.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
