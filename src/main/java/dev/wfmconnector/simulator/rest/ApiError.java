package dev.wfmconnector.simulator.rest;

/** A REST API error answered as Salesforce does: the HTTP status and a JSON array {@code [{"message","errorCode"}]}. */
final class ApiError extends RuntimeException {

    static final String NOT_FOUND_MESSAGE = "The requested resource does not exist";

    private final int status;
    private final String errorCode;

    ApiError(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    static ApiError notFound() {
        return new ApiError(404, "NOT_FOUND", NOT_FOUND_MESSAGE);
    }

    static ApiError invalidSession() {
        return new ApiError(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}
