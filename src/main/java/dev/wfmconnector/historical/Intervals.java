package dev.wfmconnector.historical;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The interval grid of a historical integration: intervals of {@code interval-minutes} (15, 30 or 60) aligned to the
 * clock of {@code interval-time-zone}. A boundary is every instant whose local time in that zone is a whole multiple
 * of the interval length (e.g. {@code Asia/Kolkata} with 60 minutes: every local hour, i.e. xx:30 UTC). An interval
 * is identified by its start instant (UTC). Daylight-saving changes need no special case: on the day clocks go
 * forward the interval spanning the gap is shorter in local terms (a 60-minute grid has 23 intervals that day), on
 * the day they go back the repeated local hour gives two intervals with distinct start instants (25 that day).
 * Time is handled in epoch milliseconds, the precision of Salesforce datetimes.
 */
public final class Intervals {

    private final int minutes;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final long lengthMillis;

    public Intervals(int minutes, ZoneId zone) {
        if (minutes <= 0 || 60 % minutes != 0) {
            throw new IllegalArgumentException("interval minutes must divide an hour (15, 30 or 60), got " + minutes);
        }
        this.minutes = minutes;
        this.zone = zone;
        this.rules = zone.getRules();
        this.lengthMillis = minutes * 60_000L;
    }

    public int minutes() {
        return minutes;
    }

    /** Start of the interval containing {@code t} (the latest boundary at or before it). */
    public Instant floor(Instant t) {
        return Instant.ofEpochMilli(floorMillis(t.toEpochMilli()));
    }

    /** {@code t} itself when it is a boundary, else the start of the next interval. */
    public Instant ceil(Instant t) {
        long ms = t.toEpochMilli();
        long floor = floorMillis(ms);
        return Instant.ofEpochMilli(floor == ms && t.getNano() % 1_000_000 == 0 ? ms : nextMillis(ms));
    }

    /** The first boundary strictly after {@code t}: for an interval start, the start of the following interval. */
    public Instant next(Instant t) {
        return Instant.ofEpochMilli(nextMillis(t.toEpochMilli()));
    }

    /** Whether {@code t} is an interval boundary. */
    public boolean isBoundary(Instant t) {
        return t.getNano() % 1_000_000 == 0 && floorMillis(t.toEpochMilli()) == t.toEpochMilli();
    }

    /** The run window {@code [floor(from), floor(to))} in whole intervals (empty when that is not after its start). */
    public RunWindow window(Instant from, Instant to) {
        long start = floorMillis(from.toEpochMilli());
        long end = floorMillis(to.toEpochMilli());
        List<Long> boundaries = new ArrayList<>();
        boundaries.add(start);
        for (long b = start; b < end; ) {
            b = nextMillis(b);
            boundaries.add(b);
        }
        long[] array = boundaries.stream().mapToLong(Long::longValue).toArray();
        return new RunWindow(this, array);
    }

    long floorMillis(long t) {
        int offsetMillis = rules.getOffset(Instant.ofEpochMilli(t)).getTotalSeconds() * 1000;
        long candidate = t - Math.floorMod(t + offsetMillis, lengthMillis);
        if (rules.isFixedOffset()) {
            return candidate;
        }
        // A transition in (candidate, t] means the local clock jumped inside that span: candidate is then not a
        // boundary under the offset in force there, and no boundary lies in [transition, t]; look before it.
        ZoneOffsetTransition transition = rules.previousTransition(Instant.ofEpochMilli(t + 1));
        if (transition != null && transition.toEpochSecond() * 1000 > candidate) {
            return floorMillis(transition.toEpochSecond() * 1000 - 1);
        }
        return candidate;
    }

    long nextMillis(long t) {
        int offsetMillis = rules.getOffset(Instant.ofEpochMilli(t)).getTotalSeconds() * 1000;
        long candidate = t - Math.floorMod(t + offsetMillis, lengthMillis) + lengthMillis;
        if (rules.isFixedOffset()) {
            return candidate;
        }
        ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochMilli(t));
        if (transition != null && transition.toEpochSecond() * 1000 <= candidate) {
            long at = transition.toEpochSecond() * 1000;
            boolean boundary = Math.floorMod(at + transition.getOffsetAfter().getTotalSeconds() * 1000L, lengthMillis) == 0;
            return boundary ? at : nextMillis(at);
        }
        return candidate;
    }

    @Override
    public String toString() {
        return minutes + "-minute intervals in " + zone;
    }
}
