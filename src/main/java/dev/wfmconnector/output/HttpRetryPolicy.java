package dev.wfmconnector.output;

import dev.wfmconnector.config.OutputSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Decides what follows one HTTP attempt (SPEC §8 Outputs): 2xx is delivered; a connection error, 408, 429 and 5xx
 * are retried with exponential backoff ({@code initialBackoff · 2^(attempt−1)}, at most {@code maxBackoff}, or the
 * receiver's {@code Retry-After} capped by {@code maxBackoff}) until {@code maxAttempts} attempts were made; any
 * other status is a dead letter at once.
 *
 * @param maxAttempts    every attempt counts, the first one included
 * @param initialBackoff wait after the first failed attempt
 * @param maxBackoff     longest wait between two attempts
 */
public record HttpRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public HttpRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1, was " + maxAttempts);
        }
    }

    public static HttpRetryPolicy of(OutputSettings settings) {
        return new HttpRetryPolicy(settings.httpMaxAttempts(), settings.httpInitialBackoff(), settings.httpMaxBackoff());
    }

    /** What an attempt came back with: an HTTP status (with its Retry-After header), or no answer at all. */
    public record Attempt(Integer status, String retryAfter, String detail) {

        public static Attempt answered(int status, String retryAfter, String body) {
            return new Attempt(status, retryAfter, body == null ? "" : body.strip());
        }

        public static Attempt unanswered(String error) {
            return new Attempt(null, null, error);
        }

        /** e.g. {@code HTTP 400: {"error":"bad type"}} or {@code ConnectException: Connection refused}. */
        public String describe() {
            if (status == null) {
                return detail;
            }
            return detail.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + detail;
        }
    }

    /** What to do next. */
    public enum Action { DELIVERED, RETRY, DEAD_LETTER }

    /**
     * @param delay  how long to wait before the next attempt ({@link Action#RETRY} only)
     * @param reason why the batch is a dead letter ({@link Action#DEAD_LETTER} only)
     */
    public record Decision(Action action, Duration delay, String reason) {
        static Decision delivered() {
            return new Decision(Action.DELIVERED, Duration.ZERO, null);
        }

        static Decision retryAfter(Duration delay) {
            return new Decision(Action.RETRY, delay, null);
        }

        static Decision deadLetter(String reason) {
            return new Decision(Action.DEAD_LETTER, Duration.ZERO, reason);
        }
    }

    /**
     * @param attempt the attempt just made, counting from 1
     * @param result  what it came back with
     * @param now     the current time, to read a Retry-After HTTP date
     */
    public Decision decide(int attempt, Attempt result, Instant now) {
        Integer status = result.status();
        if (status != null && status >= 200 && status < 300) {
            return Decision.delivered();
        }
        if (!retryable(status)) {
            return Decision.deadLetter(result.describe() + " (not retried)");
        }
        if (attempt >= maxAttempts) {
            return Decision.deadLetter("gave up after " + attempt + " attempts; last: " + result.describe());
        }
        Duration requested = retryAfter(result.retryAfter(), now);
        return Decision.retryAfter(requested != null ? min(requested, maxBackoff) : backoff(attempt));
    }

    /** No answer (connection refused, reset, timed out), 408 Request Timeout, 429 Too Many Requests and 5xx. */
    static boolean retryable(Integer status) {
        return status == null || status == 408 || status == 429 || status >= 500;
    }

    /** {@code initialBackoff · 2^(attempt−1)}, at most {@code maxBackoff}. */
    Duration backoff(int attempt) {
        int doublings = Math.min(attempt - 1, 30);
        return min(initialBackoff.multipliedBy(1L << doublings), maxBackoff);
    }

    /** A Retry-After value in seconds or as an HTTP date; null when absent or unreadable. Never negative. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
