package dev.wfmconnector.historical.run;

import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.springframework.stereotype.Component;

/**
 * Sorts the failures of Salesforce calls. Transient ones (the org busy or down: 5xx, 408, 429, no answer at all) are
 * retried with backoff inside a run (routes/historical.camel.yaml); others fail the run at once. Some mean the
 * integration cannot go on without someone changing something (credentials refused, an edited query the org
 * rejects, an object the org's edition lacks): those also mark the integration FAILED.
 */
@Component("salesforceErrors")
public class SalesforceErrors {

    private static final Set<String> CANNOT_GO_ON = Set.of("INVALID_SESSION_ID", "INVALID_FIELD", "INVALID_TYPE",
            "MALFORMED_QUERY", "API_DISABLED_FOR_ORG", "INSUFFICIENT_ACCESS", "INVALID_AUTH_HEADER");

    /** Whether retrying the same call a little later may succeed. */
    public boolean isTransient(Exception exception) {
        SalesforceException salesforce = find(exception);
        if (salesforce == null) {
            return false;
        }
        int status = salesforce.getStatusCode();
        if (status >= 500 || status == 408 || status == 429) {
            return true;
        }
        // no HTTP answer: connection refused or reset, timeout
        return status <= 0 && hasCause(salesforce, java.io.IOException.class, TimeoutException.class);
    }

    /** Whether the integration cannot go on by itself after this failure (it is then marked FAILED). */
    public boolean cannotGoOn(Exception exception) {
        SalesforceException salesforce = find(exception);
        if (salesforce == null) {
            return false;
        }
        if (salesforce.getStatusCode() == 401) {
            return true;
        }
        if (salesforce.getErrors() != null) {
            for (RestError error : salesforce.getErrors()) {
                if (error.getErrorCode() != null && CANNOT_GO_ON.contains(error.getErrorCode())) {
                    return true;
                }
            }
        }
        String message = String.valueOf(salesforce.getMessage());
        return message.contains("invalid_client") || message.contains("invalid_grant");
    }

    private static SalesforceException find(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SalesforceException salesforce) {
                return salesforce;
            }
        }
        return null;
    }

    @SafeVarargs
    private static boolean hasCause(Throwable t, Class<? extends Throwable>... types) {
        for (Throwable cause = t.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
