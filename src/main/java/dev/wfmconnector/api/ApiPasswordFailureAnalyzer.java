package dev.wfmconnector.api;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up refused for want of an API password, and how to give one. */
class ApiPasswordFailureAnalyzer extends AbstractFailureAnalyzer<ApiPasswordMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ApiPasswordMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set spring.security.user.password (for example the environment variable"
                        + " SPRING_SECURITY_USER_PASSWORD from a Kubernetes Secret) and spring.security.user.name"
                        + " (default \"user\"). Only the demo profile has built-in credentials (see README).",
                cause);
    }
}
