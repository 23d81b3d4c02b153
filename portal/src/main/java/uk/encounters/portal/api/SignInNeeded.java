package uk.encounters.portal.api;

/** The session holds no usable token (never signed in, or the token expired): sign in again. */
public class SignInNeeded extends RuntimeException {

    public SignInNeeded(String reason) {
        super(reason);
    }
}
