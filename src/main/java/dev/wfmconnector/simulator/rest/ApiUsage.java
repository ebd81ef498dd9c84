package dev.wfmconnector.simulator.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts REST API calls against the org's daily allocation (a UTC day) and answers {@code /limits}. */
final class ApiUsage {

    private final Clock clock;
    private final int dailyMax;
    private LocalDate day;
    private int used;

    ApiUsage(Clock clock, int dailyMax) {
        this.clock = clock;
        this.dailyMax = dailyMax;
    }

    /** Counts one call; false when the daily allocation is used up (the call is then refused). */
    synchronized boolean count() {
        rollOver();
        if (used >= dailyMax) {
            return false;
        }
        used++;
        return true;
    }

    synchronized int used() {
        rollOver();
        return used;
    }

    int dailyMax() {
        return dailyMax;
    }

    /** The {@code /limits} answer: {@code {Name: {Max, Remaining}}}. */
    Map<String, Object> limits() {
        int remaining = dailyMax - used();
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        limits.put("DailyApiRequests", limit(dailyMax, remaining));
        limits.put("DailyAsyncApexExecutions", limit(250000, 250000));
        limits.put("DailyBulkApiRequests", limit(10000, 10000));
        limits.put("DailyBulkV2QueryJobs", limit(10000, 10000));
        limits.put("DailyDurableStreamingApiEvents", limit(10000, 10000));
        limits.put("DailyStandardVolumePlatformEvents", limit(10000, 10000));
        limits.put("DataStorageMB", limit(5, 5));
        limits.put("FileStorageMB", limit(20, 20));
        limits.put("HourlyPublishedPlatformEvents", limit(250000, 250000));
        return limits;
    }

    private static Map<String, Integer> limit(int max, int remaining) {
        Map<String, Integer> limit = new LinkedHashMap<>();
        limit.put("Max", max);
        limit.put("Remaining", remaining);
        return limit;
    }

    private void rollOver() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }
}
