package dev.wfmconnector.status;

/** No integration of that type and group is configured (the API answers 404). */
public class UnknownIntegrationException extends RuntimeException {
    public UnknownIntegrationException(String message) {
        super(message);
    }
}
