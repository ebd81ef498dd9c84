package dev.wfmconnector.config;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings the WFM settings screen does not show: {@code connector.defaults.*}, overridable per integration.
 *
 * @param intervalMinutes    15, 30 or 60
 * @param intervalTimeZone   zone whose clock interval boundaries follow; instants are published in UTC
 * @param schedule           Quartz cron of historical runs
 * @param settleDelay        how long after an interval ends before it is read
 * @param lookback           how far back each run re-reads to catch late data
 * @param initialBackfill    what the first run of a new group reads
 * @param userImportSchedule Quartz cron of user imports
 * @param pubsubHost         Pub/Sub API host
 * @param pubsubPort         Pub/Sub API port
 * @param eventFields        platform event field names
 */
public record OperationalSettings(
        int intervalMinutes,
        ZoneId intervalTimeZone,
        String schedule,
        Duration settleDelay,
        Duration lookback,
        Duration initialBackfill,
        String userImportSchedule,
        String pubsubHost,
        int pubsubPort,
        EventFields eventFields) {

    public static final OperationalSettings DEFAULT = new OperationalSettings(
            15, ZoneId.of("UTC"), "0 2/15 * * * ?", Duration.ofMinutes(2), Duration.ofHours(2), Duration.ofDays(1),
            "0 0 3 * * ?", "api.pubsub.salesforce.com", 7443, EventFields.DEFAULT);
}
