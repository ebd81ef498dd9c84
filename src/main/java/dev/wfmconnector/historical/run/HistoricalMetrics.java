package dev.wfmconnector.historical.run;

import dev.wfmconnector.historical.SkippedRows;
import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.store.RunKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Metrics of the historical integration (Prometheus names in brackets):
 * {@code wfm.historical.records.read{group,object}} Salesforce rows read [wfm_historical_records_read_total],
 * {@code wfm.historical.records.published{group,type}} records handed to the outputs,
 * {@code wfm.historical.rows.skipped{group,object,reason}} malformed or skipped rows,
 * {@code wfm.historical.run.duration{group,kind,outcome}} run durations,
 * {@code wfm.historical.runs.failed{group}} failed runs,
 * {@code wfm.historical.ticks.skipped{group}} schedule ticks skipped because a run was queued or running.
 */
@Component
public class HistoricalMetrics {

    private final MeterRegistry registry;

    public HistoricalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void read(String group, String sObject, long rows) {
        registry.counter("wfm.historical.records.read", "group", group, "object", sObject).increment(rows);
    }

    public void skipped(String group, String sObject, SkippedRows rows) {
        rows.byReason().forEach((reason, n) -> registry.counter("wfm.historical.rows.skipped",
                "group", group, "object", sObject, "reason", reason).increment(n));
    }

    public void published(String group, List<Envelope> envelopes) {
        Map<String, Long> perType = new LinkedHashMap<>();
        envelopes.forEach(e -> perType.merge(e.type(), 1L, Long::sum));
        perType.forEach((type, n) -> registry.counter("wfm.historical.records.published",
                "group", group, "type", type).increment(n));
    }

    public void runEnded(String group, RunKind kind, Duration duration, boolean succeeded) {
        Timer.builder("wfm.historical.run.duration")
                .tags("group", group, "kind", kind.name().toLowerCase(Locale.ROOT),
                        "outcome", succeeded ? "succeeded" : "failed")
                .register(registry)
                .record(duration);
        if (!succeeded) {
            registry.counter("wfm.historical.runs.failed", "group", group).increment();
        }
    }

    public void tickSkipped(String group) {
        registry.counter("wfm.historical.ticks.skipped", "group", group).increment();
    }
}
