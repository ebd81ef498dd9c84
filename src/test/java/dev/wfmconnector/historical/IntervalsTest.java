package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalsTest {

    @ParameterizedTest(name = "{0} {1} min: floor({2}) = {3}, next = {4}")
    @CsvSource({
        // zone,            minutes, instant,                    floor,                  next
        "UTC,               15, 2026-11-24T10:07:30Z,     2026-11-24T10:00:00Z, 2026-11-24T10:15:00Z",
        "UTC,               15, 2026-11-24T10:15:00Z,     2026-11-24T10:15:00Z, 2026-11-24T10:30:00Z",
        "UTC,               15, 2026-11-24T10:14:59.999Z, 2026-11-24T10:00:00Z, 2026-11-24T10:15:00Z",
        "UTC,               60, 2026-11-24T23:59:59Z,     2026-11-24T23:00:00Z, 2026-11-25T00:00:00Z",
        // Kolkata is UTC+05:30: local half hours are UTC half hours, local hours are xx:30 UTC
        "Asia/Kolkata,      30, 2026-11-24T10:07:00Z,     2026-11-24T10:00:00Z, 2026-11-24T10:30:00Z",
        "Asia/Kolkata,      60, 2026-11-24T10:07:00Z,     2026-11-24T09:30:00Z, 2026-11-24T10:30:00Z",
        "Asia/Kolkata,      60, 2026-11-24T09:30:00Z,     2026-11-24T09:30:00Z, 2026-11-24T10:30:00Z",
        // Kathmandu is UTC+05:45
        "Asia/Kathmandu,    60, 2026-11-24T10:07:00Z,     2026-11-24T09:15:00Z, 2026-11-24T10:15:00Z",
        "Asia/Kathmandu,    30, 2026-11-24T10:07:00Z,     2026-11-24T09:45:00Z, 2026-11-24T10:15:00Z",
        // Berlin springs forward at 01:00Z (02:00 CET -> 03:00 CEST): 01:00 CET .. 03:00 CEST is one hour
        "Europe/Berlin,     60, 2026-03-29T00:30:00Z,     2026-03-29T00:00:00Z, 2026-03-29T01:00:00Z",
        "Europe/Berlin,     60, 2026-03-29T01:30:00Z,     2026-03-29T01:00:00Z, 2026-03-29T02:00:00Z",
        // Berlin falls back at 01:00Z (03:00 CEST -> 02:00 CET): local 02:00 twice, two intervals
        "Europe/Berlin,     60, 2026-10-25T00:30:00Z,     2026-10-25T00:00:00Z, 2026-10-25T01:00:00Z",
        "Europe/Berlin,     60, 2026-10-25T01:30:00Z,     2026-10-25T01:00:00Z, 2026-10-25T02:00:00Z",
        // Lord Howe shifts by 30 minutes: on a 60-minute grid the intervals around the change last 90 minutes
        "Australia/Lord_Howe, 60, 2026-04-04T15:10:00Z,   2026-04-04T14:00:00Z, 2026-04-04T15:30:00Z",
        "Australia/Lord_Howe, 60, 2026-10-03T15:40:00Z,   2026-10-03T14:30:00Z, 2026-10-03T16:00:00Z",
    })
    void floorAndNextFollowTheLocalClock(String zone, int minutes, String t, String floor, String next) {
        Intervals intervals = new Intervals(minutes, ZoneId.of(zone.trim()));
        assertThat(intervals.floor(Instant.parse(t))).isEqualTo(Instant.parse(floor));
        assertThat(intervals.next(Instant.parse(t))).isEqualTo(Instant.parse(next));
        assertThat(intervals.isBoundary(Instant.parse(floor))).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} min on {2}: {3} intervals")
    @CsvSource({
        "UTC,           15, 2026-03-29, 96",
        "Asia/Kolkata,  30, 2026-11-24, 48",
        "Europe/Berlin, 60, 2026-03-29, 23",
        "Europe/Berlin, 60, 2026-10-25, 25",
        "Europe/Berlin, 15, 2026-03-29, 92",
        "Europe/Berlin, 15, 2026-10-25, 100",
        "America/New_York, 30, 2026-03-08, 46",
    })
    void aLocalDayHasItsIntervals(String zone, int minutes, LocalDate day, int count) {
        ZoneId zoneId = ZoneId.of(zone);
        Intervals intervals = new Intervals(minutes, zoneId);
        RunWindow window = intervals.window(day.atStartOfDay(zoneId).toInstant(),
                day.plusDays(1).atStartOfDay(zoneId).toInstant());
        assertThat(window.intervalCount()).isEqualTo(count);
        assertThat(window.intervalStarts()).doesNotHaveDuplicates().isSorted();
    }

    /** Against a brute-force search, minute by minute, of the instants whose local time is on the grid. */
    @Test
    void randomInstantsAgreeWithAMinuteByMinuteSearch() {
        Random random = new Random(42);
        List<String> zones = List.of("UTC", "Asia/Kolkata", "Asia/Kathmandu", "Europe/Berlin", "America/New_York",
                "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "Africa/Casablanca");
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        for (int n = 0; n < 3000; n++) {
            ZoneId zone = ZoneId.of(zones.get(random.nextInt(zones.size())));
            int minutes = List.of(15, 30, 60).get(random.nextInt(3));
            Instant t = from.plusMillis((long) (random.nextDouble() * Duration.ofDays(365 * 10).toMillis()));
            Intervals intervals = new Intervals(minutes, zone);
            Instant floor = intervals.floor(t);
            Instant next = intervals.next(t);
            assertThat(floor).as("floor of %s in %s", t, zone).isEqualTo(latestGridInstantAtOrBefore(t, zone, minutes));
            assertThat(next).as("next of %s in %s", t, zone).isEqualTo(firstGridInstantAfter(t, zone, minutes));
        }
    }

    @Test
    void aTransitionOnTheGridIsABoundary() {
        // New York springs forward at 07:00Z, local 02:00 EST -> 03:00 EDT; 03:00 is on a 30-minute grid
        Intervals intervals = new Intervals(30, ZoneId.of("America/New_York"));
        assertThat(intervals.next(Instant.parse("2026-03-08T06:30:00Z"))).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(intervals.floor(Instant.parse("2026-03-08T07:00:00Z"))).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void ceilKeepsABoundaryAndRoundsUpOtherwise() {
        Intervals intervals = new Intervals(15, ZoneId.of("UTC"));
        assertThat(intervals.ceil(Instant.parse("2026-11-24T10:15:00Z"))).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
        assertThat(intervals.ceil(Instant.parse("2026-11-24T10:15:00.001Z"))).isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
    }

    @Test
    void onlyLengthsDividingAnHourAreAccepted() {
        assertThatThrownBy(() -> new Intervals(45, ZoneId.of("UTC"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Intervals(0, ZoneId.of("UTC"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}, {1} min, around {2}")
    @CsvSource({
        "Europe/Berlin,      15, 2026-03-29T01:00:00Z",
        "Europe/Berlin,      60, 2026-10-25T01:00:00Z",
        // the 30-minute shift makes intervals of 90 and 30 minutes on a 60-minute grid
        "Australia/Lord_Howe, 60, 2026-10-03T15:30:00Z",
        "Australia/Lord_Howe, 30, 2026-04-04T15:00:00Z"
    })
    void everyInstantOfAWindowAcrossAClockChangeFallsInItsInterval(String zone, int minutes, Instant change) {
        RunWindow window = new Intervals(minutes, ZoneId.of(zone)).window(change.minus(Duration.ofHours(5)),
                change.plus(Duration.ofHours(5)));
        for (int i = 0; i < window.intervalCount(); i++) {
            Instant start = window.intervalStart(i);
            Instant end = i + 1 < window.intervalCount() ? window.intervalStart(i + 1) : window.end();
            assertThat(window.intervalIndexOf(start)).as("start of interval %d", i).isEqualTo(i);
            assertThat(window.intervalIndexOf(end.minusMillis(1))).as("last instant of interval %d", i).isEqualTo(i);
        }
        assertThat(window.intervalIndexOf(window.end())).isEqualTo(-1);
    }

    @Test
    void aWindowFindsTheIntervalOfAnInstant() {
        Intervals intervals = new Intervals(15, ZoneId.of("UTC"));
        RunWindow window = intervals.window(Instant.parse("2026-11-24T10:07:00Z"), Instant.parse("2026-11-24T11:01:00Z"));
        assertThat(window.start()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(window.intervalCount()).isEqualTo(4);
        assertThat(window.intervalIndexOf(Instant.parse("2026-11-24T09:59:59.999Z"))).isEqualTo(-1);
        assertThat(window.intervalIndexOf(Instant.parse("2026-11-24T10:00:00Z"))).isZero();
        assertThat(window.intervalIndexOf(Instant.parse("2026-11-24T10:15:00Z"))).isEqualTo(1);
        assertThat(window.intervalIndexOf(Instant.parse("2026-11-24T10:59:59.999Z"))).isEqualTo(3);
        assertThat(window.intervalIndexOf(Instant.parse("2026-11-24T11:00:00Z"))).isEqualTo(-1);
        assertThat(window.contains(Instant.parse("2026-11-24T10:30:00Z"))).isTrue();
        assertThat(intervals.window(Instant.parse("2026-11-24T10:07:00Z"), Instant.parse("2026-11-24T10:14:00Z")).isEmpty())
                .isTrue();
    }

    @Test
    void chunksCoverTheWindowInWholeIntervals() {
        Intervals intervals = new Intervals(15, ZoneId.of("Europe/Berlin"));
        RunWindow window = intervals.window(Instant.parse("2026-10-24T10:00:00Z"), Instant.parse("2026-10-27T04:00:00Z"));
        List<RunWindow> days = window.chunks(Duration.ofDays(1));
        assertThat(days).hasSize(3);
        assertThat(days.get(0).start()).isEqualTo(window.start());
        assertThat(days.get(2).end()).isEqualTo(window.end());
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i).start()).isEqualTo(days.get(i - 1).end());
        }
        assertThat(days.stream().mapToInt(RunWindow::intervalCount).sum()).isEqualTo(window.intervalCount());
        assertThat(days.get(0).intervalCount()).isEqualTo(96);
        // shorter than one interval: one interval per chunk
        assertThat(window.chunks(Duration.ofMinutes(5))).hasSize(window.intervalCount());
    }

    private static Instant latestGridInstantAtOrBefore(Instant t, ZoneId zone, int minutes) {
        for (Instant m = t.truncatedTo(ChronoUnit.MINUTES); ; m = m.minus(1, ChronoUnit.MINUTES)) {
            if (onGrid(m, zone, minutes)) {
                return m;
            }
        }
    }

    private static Instant firstGridInstantAfter(Instant t, ZoneId zone, int minutes) {
        for (Instant m = t.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES); ; m = m.plus(1, ChronoUnit.MINUTES)) {
            if (onGrid(m, zone, minutes)) {
                return m;
            }
        }
    }

    private static boolean onGrid(Instant t, ZoneId zone, int minutes) {
        ZonedDateTime local = t.atZone(zone);
        return local.getSecond() == 0 && (local.getHour() * 60 + local.getMinute()) % minutes == 0;
    }
}
