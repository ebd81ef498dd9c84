package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.config.OutputSettings;
import dev.wfmconnector.output.HttpRetryPolicy.Action;
import dev.wfmconnector.output.HttpRetryPolicy.Attempt;
import dev.wfmconnector.output.HttpRetryPolicy.Decision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HttpRetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final HttpRetryPolicy policy = HttpRetryPolicy.of(OutputSettings.DEFAULT);  // 8 attempts, PT1S .. PT1M

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void twoHundredsAreDelivered(int status) {
        assertThat(policy.decide(1, Attempt.answered(status, null, ""), NOW).action()).isEqualTo(Action.DELIVERED);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
    void timeoutsThrottlingAndServerErrorsAreRetried(int status) {
        assertThat(policy.decide(1, Attempt.answered(status, null, ""), NOW))
                .isEqualTo(new Decision(Action.RETRY, Duration.ofSeconds(1), null));
    }

    @Test
    void noAnswerIsRetried() {
        assertThat(policy.decide(1, Attempt.unanswered("ConnectException"), NOW).action()).isEqualTo(Action.RETRY);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422, 301, 302})
    void otherStatusesAreDeadLettersAtOnce(int status) {
        Decision decision = policy.decide(1, Attempt.answered(status, null, "nope"), NOW);

        assertThat(decision.action()).isEqualTo(Action.DEAD_LETTER);
        assertThat(decision.reason()).isEqualTo("HTTP " + status + ": nope (not retried)");
    }

    @ParameterizedTest
    @CsvSource({"1, PT1S", "2, PT2S", "3, PT4S", "6, PT32S", "7, PT1M"})
    void backoffDoublesFromTheInitialBackoffUpToTheMaxBackoff(int attempt, Duration expected) {
        assertThat(policy.decide(attempt, Attempt.answered(503, null, ""), NOW).delay()).isEqualTo(expected);
    }

    @Test
    void backoffStaysAtTheMaxForLargeAttemptCounts() {
        HttpRetryPolicy many = new HttpRetryPolicy(1_000, Duration.ofSeconds(1), Duration.ofMinutes(1));

        assertThat(many.decide(999, Attempt.unanswered("x"), NOW).delay()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void maxAttemptsCountsEveryAttemptSoTheLastOneIsADeadLetter() {
        assertThat(policy.decide(7, Attempt.answered(503, null, ""), NOW).action()).isEqualTo(Action.RETRY);

        Decision last = policy.decide(8, Attempt.unanswered("ConnectException: Connection refused"), NOW);

        assertThat(last.action()).isEqualTo(Action.DEAD_LETTER);
        assertThat(last.reason()).isEqualTo("gave up after 8 attempts; last: ConnectException: Connection refused");
    }

    @Test
    void oneAttemptMeansNoRetry() {
        HttpRetryPolicy once = new HttpRetryPolicy(1, Duration.ofSeconds(1), Duration.ofMinutes(1));

        assertThat(once.decide(1, Attempt.answered(503, null, ""), NOW).action()).isEqualTo(Action.DEAD_LETTER);
    }

    @ParameterizedTest
    @CsvSource({
            "5, PT5S",                                     // seconds
            "0, PT0S",
            "120, PT1M",                                   // capped by max-backoff
            "'Tue, 24 Nov 2026 10:00:07 GMT', PT7S",       // HTTP date
            "'Tue, 24 Nov 2026 09:59:00 GMT', PT0S",       // in the past: at once
            "'Tue, 24 Nov 2026 11:00:00 GMT', PT1M"})      // capped by max-backoff
    void retryAfterIsHonouredCappedByTheMaxBackoff(String retryAfter, Duration expected) {
        assertThat(policy.decide(1, Attempt.answered(429, retryAfter, ""), NOW).delay()).isEqualTo(expected);
        assertThat(policy.decide(1, Attempt.answered(503, retryAfter, ""), NOW).delay()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-3", "1.5", " "})
    void anUnreadableRetryAfterFallsBackToTheBackoff(String retryAfter) {
        assertThat(policy.decide(3, Attempt.answered(429, retryAfter, ""), NOW).delay()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void retryAfterDoesNotExtendAttemptsBeyondTheMaximum() {
        assertThat(policy.decide(8, Attempt.answered(429, "1", ""), NOW).action()).isEqualTo(Action.DEAD_LETTER);
    }
}
