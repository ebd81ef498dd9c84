package dev.wfmconnector.simulator.org;

import dev.wfmconnector.salesforce.SalesforceIds;
import java.util.HashMap;
import java.util.Map;

/**
 * Issues 18-character ids per key prefix the way an org does: prefix, pod characters, then a base-62 counter
 * (digits, upper case, lower case, so ids of one object sort in creation order). Deterministic for a seed.
 */
public final class IdFactory {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final String pod;
    private final long firstCounter;
    private final Map<String, Long> counters = new HashMap<>();

    public IdFactory(long seed) {
        long mixed = Math.floorMod(seed * 0x9E3779B97F4A7C15L + 0x5DEECE66DL, 62L * 62L);
        this.pod = "" + BASE62.charAt((int) (mixed / 62)) + BASE62.charAt((int) (mixed % 62));
        this.firstCounter = 1_000_000L + Math.floorMod(seed, 1_000_000L);
    }

    /** The next id of the object whose key prefix is given. */
    public synchronized String next(String keyPrefix) {
        long counter = counters.merge(keyPrefix, 1L, Long::sum) - 1 + firstCounter;
        return SalesforceIds.to18(keyPrefix + pod + "0" + base62(counter, 9));
    }

    private static String base62(long value, int width) {
        char[] digits = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        return new String(digits);
    }
}
