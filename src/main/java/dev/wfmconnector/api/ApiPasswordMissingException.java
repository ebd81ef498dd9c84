package dev.wfmconnector.api;

/** Start-up refused: the management API has no configured password (SPEC §8). */
public class ApiPasswordMissingException extends IllegalStateException {
    public ApiPasswordMissingException() {
        super("The management API has no password: spring.security.user.password is not set.");
    }
}
