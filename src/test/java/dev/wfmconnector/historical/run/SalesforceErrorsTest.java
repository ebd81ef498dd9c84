package dev.wfmconnector.historical.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.junit.jupiter.api.Test;

class SalesforceErrorsTest {

    private final SalesforceErrors errors = new SalesforceErrors();

    private static SalesforceException answered(int status, String errorCode) {
        return new SalesforceException(List.of(new RestError(errorCode, "message of " + errorCode)), status);
    }

    @Test
    void busyOrUnreachableOrgsAreTransient() {
        assertThat(errors.isTransient(answered(503, "SERVER_UNAVAILABLE"))).isTrue();
        assertThat(errors.isTransient(answered(500, "UNKNOWN_EXCEPTION"))).isTrue();
        assertThat(errors.isTransient(answered(429, "REQUEST_LIMIT"))).isTrue();
        assertThat(errors.isTransient(new SalesforceException("Unexpected error", new IOException("Connection refused"))))
                .isTrue();
        assertThat(errors.isTransient(new CamelExecutionException("wrapped", null, answered(502, "BAD_GATEWAY"))))
                .isTrue();
    }

    @Test
    void answersThatWillNotChangeSoonAreNotRetried() {
        assertThat(errors.isTransient(answered(400, "MALFORMED_QUERY"))).isFalse();
        assertThat(errors.isTransient(answered(403, "REQUEST_LIMIT_EXCEEDED"))).isFalse();
        assertThat(errors.isTransient(answered(401, "INVALID_SESSION_ID"))).isFalse();
        assertThat(errors.isTransient(new IllegalStateException("not Salesforce"))).isFalse();
    }

    @Test
    void refusedCredentialsAndQueriesTheOrgRejectsStopTheIntegration() {
        assertThat(errors.cannotGoOn(answered(401, "INVALID_SESSION_ID"))).isTrue();
        assertThat(errors.cannotGoOn(answered(400, "INVALID_FIELD"))).isTrue();
        assertThat(errors.cannotGoOn(answered(400, "MALFORMED_QUERY"))).isTrue();
        assertThat(errors.cannotGoOn(new SalesforceException("{\"error\":\"invalid_client\"}", 400))).isTrue();
        assertThat(errors.cannotGoOn(answered(503, "SERVER_UNAVAILABLE"))).isFalse();
        assertThat(errors.cannotGoOn(answered(403, "REQUEST_LIMIT_EXCEEDED"))).isFalse();
        assertThat(errors.cannotGoOn(new IllegalStateException("the integration stopped"))).isFalse();
    }

    @Test
    void runFailureReasonsNameTheHttpStatusAndSkipCamelWrappers() {
        assertThat(HistoricalRuns.reason(new CamelExecutionException("Exception occurred during execution", null,
                answered(503, "SERVER_UNAVAILABLE")))).startsWith("Salesforce answered 503: ");
        assertThat(HistoricalRuns.reason(new org.apache.camel.RuntimeCamelException(
                new IllegalStateException("the historical integration \"emea\" stopped during the run"))))
                .isEqualTo("the historical integration \"emea\" stopped during the run");
        assertThat(HistoricalRuns.reason(null)).isEqualTo("unknown error");
    }
}
