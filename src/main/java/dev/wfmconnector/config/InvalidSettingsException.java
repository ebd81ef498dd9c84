package dev.wfmconnector.config;

import java.util.List;

/**
 * The {@code connector.*} configuration has problems; {@link #problems()} lists every one, a line each, naming the
 * integration, the setting, the refused value (never a secret) and what would be accepted.
 */
public class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(summary(problems) + System.lineSeparator() + String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, in the order of the configuration tree. */
    public List<String> problems() {
        return problems;
    }

    /** {@code The connector's configuration has N problems:} */
    public String summary() {
        return summary(problems);
    }

    private static String summary(List<String> problems) {
        return "The connector's configuration has " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:");
    }
}
