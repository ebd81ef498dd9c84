package dev.wfmconnector.historical;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole intervals a historical run (or one chunk of a backfill) computes: {@code [start, end)}, both interval
 * boundaries. Made by {@link Intervals#window} or {@link RunPlanner}. Holds its boundaries, so finding the interval
 * of an instant is correct across daylight-saving changes (and as fast as a division on other days).
 */
public final class RunWindow {

    private final Intervals intervals;
    private final long[] boundaries;
    private final long intervalMillis;

    RunWindow(Intervals intervals, long[] boundaries) {
        this.intervals = intervals;
        this.boundaries = boundaries;
        this.intervalMillis = intervals.minutes() * 60_000L;
    }

    public Instant start() {
        return Instant.ofEpochMilli(boundaries[0]);
    }

    public Instant end() {
        return Instant.ofEpochMilli(boundaries[boundaries.length - 1]);
    }

    public boolean isEmpty() {
        return boundaries.length < 2;
    }

    public int intervalCount() {
        return boundaries.length - 1;
    }

    public int intervalMinutes() {
        return intervals.minutes();
    }

    /** Start of the {@code index}-th interval (0-based). */
    public Instant intervalStart(int index) {
        return Instant.ofEpochMilli(boundaries[index]);
    }

    public List<Instant> intervalStarts() {
        List<Instant> starts = new ArrayList<>(intervalCount());
        for (int i = 0; i < intervalCount(); i++) {
            starts.add(intervalStart(i));
        }
        return starts;
    }

    public boolean contains(Instant t) {
        return indexOf(t.toEpochMilli()) >= 0;
    }

    /** Index of the interval containing {@code t}, or -1 when {@code t} is outside the window. */
    public int intervalIndexOf(Instant t) {
        return indexOf(t.toEpochMilli());
    }

    long startMillis() {
        return boundaries[0];
    }

    long endMillis() {
        return boundaries[boundaries.length - 1];
    }

    /** Boundary {@code i}: the start of interval {@code i}, or the window end for {@code i == intervalCount()}. */
    long boundaryMillis(int i) {
        return boundaries[i];
    }

    /** Index of the interval containing {@code epochMillis}, or -1 when it is outside the window. */
    int indexOf(long epochMillis) {
        if (epochMillis < boundaries[0] || epochMillis >= boundaries[boundaries.length - 1]) {
            return -1;
        }
        // where it would be with intervals of equal length, then a step or two where the clock changed
        int i = (int) Math.min((epochMillis - boundaries[0]) / intervalMillis, boundaries.length - 2);
        while (boundaries[i] > epochMillis) {
            i--;
        }
        while (boundaries[i + 1] <= epochMillis) {
            i++;
        }
        return i;
    }

    /**
     * This window cut into consecutive chunks of at most {@code maxLength} (at least one interval each), e.g. a day
     * each for a long backfill; each chunk is computed like a run and reports its {@link #intervalCount()} as progress.
     */
    public List<RunWindow> chunks(Duration maxLength) {
        if (maxLength.isNegative() || maxLength.isZero()) {
            throw new IllegalArgumentException("chunk length must be positive: " + maxLength);
        }
        List<RunWindow> chunks = new ArrayList<>();
        int from = 0;
        while (from < intervalCount()) {
            long limit = boundaries[from] + maxLength.toMillis();
            int to = from + 1;
            while (to < intervalCount() && boundaries[to + 1] <= limit) {
                to++;
            }
            chunks.add(new RunWindow(intervals, Arrays.copyOfRange(boundaries, from, to + 1)));
            from = to;
        }
        return chunks;
    }

    @Override
    public String toString() {
        return "[" + start() + ", " + end() + ") " + intervalCount() + " x " + intervals;
    }
}
