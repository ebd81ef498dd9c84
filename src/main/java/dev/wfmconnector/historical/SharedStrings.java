package dev.wfmconnector.historical;

import java.util.Arrays;

/**
 * Values that repeat across a query's rows and pages (user, queue and status ids and names) read as one String each:
 * equal values share one instance, so there is one allocation per value rather than per row, and the processors'
 * map lookups find an identical key with its hash already computed. Holds at most {@value #MAX_VALUES} values and
 * starts over when full (a column of mostly distinct values). Not thread-safe: one per run, or per page.
 */
public final class SharedStrings {

    /** Open addressing with linear probing, kept at most half full. */
    private static final int SLOTS = 8192;
    private static final int MAX_VALUES = SLOTS / 2;
    /** The hash covers the last characters only: where Salesforce ids differ (a counter and a checksum). */
    private static final int HASHED_CHARS = 10;

    private final String[] values = new String[SLOTS];
    private final char[][] chars = new char[SLOTS][];
    private final int[] hashes = new int[SLOTS];
    private int size;

    /** The shared String of {@code text[offset, offset + length)}. */
    String of(char[] text, int offset, int length) {
        int end = offset + length;
        int hash = length;
        for (int i = Math.max(offset, end - HASHED_CHARS); i < end; i++) {
            hash = 31 * hash + text[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        for (String value = values[slot]; value != null; value = values[slot]) {
            char[] candidate = chars[slot];
            if (hashes[slot] == hash && Arrays.equals(candidate, 0, candidate.length, text, offset, end)) {
                return value;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        if (size == MAX_VALUES) {
            Arrays.fill(values, null);
            size = 0;
        }
        size++;
        hashes[slot] = hash;
        chars[slot] = Arrays.copyOfRange(text, offset, end);
        values[slot] = new String(text, offset, length);
        return values[slot];
    }
}
