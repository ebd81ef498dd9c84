package dev.wfmconnector.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidSettingsException} at start-up into Spring Boot's "APPLICATION FAILED TO START" report:
 * the number of problems, one line each, and what to do. Registered in {@code META-INF/spring.factories}.
 */
public class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

    static final String ACTION = "Correct these settings under connector.* (application.yaml, the file given with "
            + "--spring.config.additional-location, environment variables or the Kubernetes ConfigMap/Secret) and start "
            + "the connector again. The configuration reference in README.md lists every setting and what it accepts.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
        String nl = System.lineSeparator();
        String description = cause.summary() + nl + nl + "    " + String.join(nl + "    ", cause.problems());
        return new FailureAnalysis(description, ACTION, cause);
    }
}
