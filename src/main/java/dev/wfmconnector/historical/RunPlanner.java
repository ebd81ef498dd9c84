package dev.wfmconnector.historical;

import dev.wfmconnector.config.OperationalSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * Plans the window of a historical run (SPEC §3, §8): {@code [floor(watermark − lookback), floor(now − settle-delay))}
 * in whole intervals, so only complete intervals are computed and the lookback re-reads late data. A first run (no
 * watermark yet) covers {@code initial-backfill} before that end. The window is empty when no interval is complete
 * yet. After a run succeeds its watermark becomes the window's {@link RunWindow#end()}; an empty window leaves the
 * watermark where it was. A long window (a backfill, or a watermark far behind) can be cut with
 * {@link RunWindow#chunks(Duration)}.
 */
public final class RunPlanner {

    private final Intervals intervals;
    private final Duration settleDelay;
    private final Duration lookback;
    private final Duration initialBackfill;

    public RunPlanner(Intervals intervals, Duration settleDelay, Duration lookback, Duration initialBackfill) {
        this.intervals = intervals;
        this.settleDelay = settleDelay;
        this.lookback = lookback;
        this.initialBackfill = initialBackfill;
    }

    public static RunPlanner of(OperationalSettings settings) {
        return new RunPlanner(new Intervals(settings.intervalMinutes(), settings.intervalTimeZone()),
                settings.settleDelay(), settings.lookback(), settings.initialBackfill());
    }

    /**
     * The window of a scheduled run at {@code now}.
     *
     * @param watermark end of the last successful run's window, or null before the first run
     */
    public RunWindow plan(Instant watermark, Instant now) {
        Instant end = completeUntil(now);
        Instant start = watermark == null ? end.minus(initialBackfill) : watermark.minus(lookback);
        return intervals.window(start, end);
    }

    /**
     * The window of a backfill of {@code [from, to)} requested at {@code now}: from the interval containing
     * {@code from} through the interval containing the last instant before {@code to}, but never an interval that is
     * not complete at {@code now}.
     */
    public RunWindow backfill(Instant from, Instant to, Instant now) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("backfill 'from' must be before 'to': " + from + " / " + to);
        }
        Instant end = intervals.ceil(to);
        Instant complete = completeUntil(now);
        return intervals.window(from, end.isBefore(complete) ? end : complete);
    }

    private Instant completeUntil(Instant now) {
        return intervals.floor(now.minus(settleDelay));
    }
}
