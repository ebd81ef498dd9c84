package dev.wfmconnector.historical.run;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.historical.RunWindow;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunLog;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queues the runs of each historical group, one after the other and never two at once: every run is logged QUEUED
 * in the run log and its id put on the group's run queue ({@code seda:historical-runs-<slug>}), which one consumer
 * works through (routes/historical.camel.yaml). A schedule tick while a run of the group is queued or running is
 * skipped; runs asked for through the API and backfills wait their turn.
 */
@Component("historicalRunQueue")
public class HistoricalRunQueue {

    private static final Logger LOG = LoggerFactory.getLogger(HistoricalRunQueue.class);

    private final HistoricalIntegrations integrations;
    private final RunLog runLog;
    private final ProducerTemplate producer;
    private final HistoricalMetrics metrics;
    private final Clock clock;
    private final Map<String, Integer> pending = new HashMap<>();

    public HistoricalRunQueue(HistoricalIntegrations integrations, RunLog runLog, ProducerTemplate producer,
                              HistoricalMetrics metrics, Clock clock) {
        this.integrations = integrations;
        this.runLog = runLog;
        this.producer = producer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The run queue endpoint of a group's routes. */
    public static String endpoint(ActiveIntegration integration) {
        return "seda:historical-runs-" + integration.slug();
    }

    /**
     * A schedule tick: logs a SCHEDULED run and returns its id for the route to queue, or returns null (the tick is
     * skipped) while a run of the group is queued or running.
     */
    public synchronized Long scheduled(String group) {
        ActiveIntegration integration = integrations.get(group);
        if (pending(group) > 0) {
            LOG.info("historical \"{}\": schedule tick skipped, a run is still queued or running", integration.group());
            metrics.tickSkipped(integration.group());
            return null;
        }
        return log(integration, RunKind.SCHEDULED, null, null, 0).id();
    }

    /** Queues a run now, as a tick would (e.g. the first run of a new group, or a catch-up after start-up). */
    public synchronized long now(String group, RunKind kind) {
        ActiveIntegration integration = integrations.get(group);
        Run run = log(integration, kind, null, null, 0);
        producer.sendBody(endpoint(integration), run.id());
        return run.id();
    }

    /**
     * Queues a backfill of {@code [from, to)}; its window (whole intervals, complete ones only) is known at once.
     *
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    public synchronized Run backfill(String group, Instant from, Instant to) {
        ActiveIntegration integration = integrations.get(group);
        RunWindow window = integration.planner().backfill(from, to, clock.instant());
        Run run = log(integration, RunKind.BACKFILL, from, to, window.intervalCount());
        producer.sendBody(endpoint(integration), run.id());
        return run;
    }

    /** A run of the group ended (succeeded or failed). */
    synchronized void ended(String group) {
        pending.computeIfPresent(key(group), (k, n) -> n > 1 ? n - 1 : null);
    }

    /** The group's queue was emptied (its integration started or stopped). */
    synchronized void reset(String group) {
        pending.remove(key(group));
    }

    private Run log(ActiveIntegration integration, RunKind kind, Instant from, Instant to, int intervals) {
        Run run = runLog.queue(IntegrationType.HISTORICAL, integration.group(), kind, from, to, intervals,
                clock.instant());
        pending.merge(key(integration.group()), 1, Integer::sum);
        return run;
    }

    private int pending(String group) {
        return pending.getOrDefault(key(group), 0);
    }

    private static String key(String group) {
        return ConnectorSettings.normaliseGroup(group);
    }
}
