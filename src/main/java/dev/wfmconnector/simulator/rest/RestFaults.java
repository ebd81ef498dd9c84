package dev.wfmconnector.simulator.rest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults of the REST API: the next N calls fail (503 server unavailable or 403 REQUEST_LIMIT_EXCEEDED), or only
 * those whose path contains a given text, and every answer can be delayed. Thread-safe; each failing call consumes
 * one from the count.
 */
public final class RestFaults {

    /** How a failing call is answered. */
    public enum Failure {
        /** 503 {@code SERVER_UNAVAILABLE}. */
        SERVER_UNAVAILABLE,
        /** 403 {@code REQUEST_LIMIT_EXCEEDED} ("TotalRequests Limit exceeded."). */
        REQUEST_LIMIT_EXCEEDED
    }

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<Failure> failure = new AtomicReference<>(Failure.SERVER_UNAVAILABLE);
    private volatile String pathContains = "";
    private volatile Duration delay = Duration.ZERO;

    /** The next {@code count} REST API calls fail this way (replacing any pending failures). */
    public void failNext(int count, Failure how) {
        failNext(count, how, "");
    }

    /** The next {@code count} REST API calls whose path contains {@code pathContains} fail this way. */
    public void failNext(int count, Failure how, String pathContains) {
        failure.set(how);
        this.pathContains = pathContains;
        failuresLeft.set(count);
    }

    /** Every answer (REST and OAuth) waits this long first; zero turns it off. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }

    public int failuresLeft() {
        return failuresLeft.get();
    }

    public void clear() {
        failuresLeft.set(0);
        pathContains = "";
        delay = Duration.ZERO;
    }

    /** Consumes one pending failure for the current call (its path), or returns null. */
    Failure takeFailure(String path) {
        if (!path.contains(pathContains)) {
            return null;
        }
        int left;
        do {
            left = failuresLeft.get();
            if (left <= 0) {
                return null;
            }
        } while (!failuresLeft.compareAndSet(left, left - 1));
        return failure.get();
    }
}
