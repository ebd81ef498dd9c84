package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.config.OperationalSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunPlannerTest {

    @ParameterizedTest(name = "watermark {3}, now {4} -> [{5}, {6})")
    @CsvSource(nullValues = "-", value = {
        // zone,        minutes, lookback, watermark,            now,                      start,                end
        "UTC,           15, PT2H,  2026-11-24T10:00:00Z, 2026-11-24T10:17:00Z,     2026-11-24T08:00:00Z, 2026-11-24T10:15:00Z",
        "UTC,           15, PT2H,  2026-11-24T10:00:00Z, 2026-11-24T10:16:59.999Z, 2026-11-24T08:00:00Z, 2026-11-24T10:00:00Z",
        "UTC,           15, PT2H,  2026-11-24T10:07:00Z, 2026-11-24T10:17:00Z,     2026-11-24T08:00:00Z, 2026-11-24T10:15:00Z",
        // first run: initial-backfill (P1D) before the end
        "UTC,           15, PT2H,  -,                    2026-11-24T10:17:00Z,     2026-11-23T10:15:00Z, 2026-11-24T10:15:00Z",
        "Asia/Kolkata,  60, PT2H,  2026-11-24T09:30:00Z, 2026-11-24T10:45:00Z,     2026-11-24T07:30:00Z, 2026-11-24T10:30:00Z",
        "Asia/Kolkata,  30, PT1H,  2026-11-24T09:30:00Z, 2026-11-24T10:45:00Z,     2026-11-24T08:30:00Z, 2026-11-24T10:30:00Z",
    })
    void aRunCoversTheLookbackThroughTheLastCompleteInterval(String zone, int minutes, Duration lookback,
                                                            Instant watermark, Instant now, Instant start, Instant end) {
        RunPlanner planner = new RunPlanner(new Intervals(minutes, ZoneId.of(zone)), Duration.ofMinutes(2), lookback,
                Duration.ofDays(1));
        RunWindow window = planner.plan(watermark, now);
        assertThat(window.start()).isEqualTo(start);
        assertThat(window.end()).isEqualTo(end);
        assertThat(window.isEmpty()).isFalse();
    }

    @Test
    void nothingCompleteMeansAnEmptyWindow() {
        RunPlanner noLookback = new RunPlanner(new Intervals(15, ZoneId.of("UTC")), Duration.ofMinutes(2), Duration.ZERO,
                Duration.ofDays(1));
        RunWindow window = noLookback.plan(Instant.parse("2026-11-24T10:15:00Z"), Instant.parse("2026-11-24T10:29:00Z"));
        assertThat(window.isEmpty()).isTrue();
        assertThat(window.intervalCount()).isZero();
        // a watermark ahead of the clock plans nothing either
        RunPlanner planner = RunPlanner.of(OperationalSettings.DEFAULT);
        assertThat(planner.plan(Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-24T10:29:00Z")).isEmpty())
                .isTrue();
    }

    @Test
    void defaultsPlanFifteenMinuteUtcIntervals() {
        RunPlanner planner = RunPlanner.of(OperationalSettings.DEFAULT);
        RunWindow first = planner.plan(null, Instant.parse("2026-11-24T10:17:00Z"));
        assertThat(first.intervalCount()).isEqualTo(96);
        assertThat(first.intervalMinutes()).isEqualTo(15);
        RunWindow next = planner.plan(first.end(), Instant.parse("2026-11-24T10:32:00Z"));
        assertThat(next.start()).isEqualTo(Instant.parse("2026-11-24T08:15:00Z"));
        assertThat(next.end()).isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
    }

    @Test
    void aBackfillCoversTheIntervalsTouchedButOnlyCompleteOnes() {
        RunPlanner planner = RunPlanner.of(OperationalSettings.DEFAULT);
        Instant now = Instant.parse("2026-11-24T10:17:00Z");
        RunWindow range = planner.backfill(Instant.parse("2026-11-20T10:07:00Z"), Instant.parse("2026-11-22T00:05:00Z"), now);
        assertThat(range.start()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-11-22T00:15:00Z"));
        RunWindow uptoNow = planner.backfill(Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"), now);
        assertThat(uptoNow.end()).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
        assertThatThrownBy(() -> planner.backfill(now, now, now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongBackfillRunsInDayChunksReportingIntervalsAsProgress() {
        RunPlanner planner = RunPlanner.of(OperationalSettings.DEFAULT);
        RunWindow range = planner.backfill(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-08T12:00:00Z"),
                Instant.parse("2026-11-24T10:17:00Z"));
        List<RunWindow> chunks = range.chunks(Duration.ofDays(1));
        assertThat(chunks).hasSize(8);
        assertThat(range.intervalCount()).isEqualTo(7 * 96 + 48);
        int done = 0;
        for (RunWindow chunk : chunks) {
            done += chunk.intervalCount();
        }
        assertThat(done).isEqualTo(range.intervalCount());
        assertThat(chunks.get(7).intervalCount()).isEqualTo(48);
    }
}
