package dev.wfmconnector.simulator.rest;

import dev.wfmconnector.simulator.soql.QueryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Open query cursors (query locators, ids starting {@code 01g}): the result a query fixed at its first page,
 * paged by {@code nextRecordsUrl}. A cursor closes after its last page, after {@code idleTimeout} without use,
 * or when more than {@code maxOpen} are open (the least recently used goes first), as Salesforce's do.
 */
final class QueryCursors {

    record Cursor(String locator, QueryResult result, String version, int batchSize) {
    }

    private record Entry(Cursor cursor, Instant lastUsed) {
    }

    private final Map<String, Entry> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxOpen;
    private final Supplier<String> newLocator;

    QueryCursors(Clock clock, Duration idleTimeout, int maxOpen, Supplier<String> newLocator) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxOpen = maxOpen;
        this.newLocator = newLocator;
    }

    synchronized Cursor open(QueryResult result, String version, int batchSize) {
        expire();
        Cursor cursor = new Cursor(newLocator.get(), result, version, batchSize);
        open.put(cursor.locator(), new Entry(cursor, clock.instant()));
        while (open.size() > maxOpen) {
            Iterator<String> oldest = open.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return cursor;
    }

    /** The open cursor, or the INVALID_QUERY_LOCATOR error Salesforce gives for an unknown or expired one. */
    synchronized Cursor get(String locator) {
        expire();
        Entry entry = open.get(locator);
        if (entry == null) {
            throw new ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        open.put(locator, new Entry(entry.cursor(), clock.instant()));
        return entry.cursor();
    }

    synchronized void close(String locator) {
        open.remove(locator);
    }

    synchronized int size() {
        expire();
        return open.size();
    }

    private void expire() {
        Instant oldestAllowed = clock.instant().minus(idleTimeout);
        open.values().removeIf(entry -> entry.lastUsed().isBefore(oldestAllowed));
    }
}
