package dev.wfmconnector.historical;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows left out of a computation, counted by reason (e.g. {@code "StatusStartDate: not a datetime"},
 * {@code "AgentWork row without queue"}), for the run's metric and its once-per-run log line. Not thread-safe.
 */
public final class SkippedRows {

    private final Map<String, Long> byReason = new TreeMap<>();

    public void count(String reason) {
        byReason.merge(reason, 1L, Long::sum);
    }

    public void addAll(SkippedRows other) {
        other.byReason.forEach((reason, n) -> byReason.merge(reason, n, Long::sum));
    }

    public long total() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Counts by reason, sorted by reason. */
    public Map<String, Long> byReason() {
        return Collections.unmodifiableMap(byReason);
    }

    public boolean isEmpty() {
        return byReason.isEmpty();
    }

    @Override
    public String toString() {
        return byReason.toString();
    }
}
