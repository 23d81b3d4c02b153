package uk.encounters.launcher.demo;

/** The demo hub could not be loaded; the message names the request and the service's answer. */
public final class DemoLoadException extends RuntimeException {

    public DemoLoadException(String message) {
        super(message);
    }

    public DemoLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
