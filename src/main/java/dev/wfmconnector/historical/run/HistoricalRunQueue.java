package dev.wfmconnector.historical.run;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.historical.RunWindow;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.RunState;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The run queue of each historical group: runs are logged QUEUED in the run log and handed, one after the other and
 * never two at once, to the group's run route ({@code direct:historical-run-<slug>}, routes/historical.camel.yaml)
 * by a thread of the group's own. A schedule tick while a run of the group is queued or running is skipped; runs
 * asked for through the API and backfills wait their turn. (A Camel {@code seda} queue would not do: its consumer
 * takes the next message as soon as a run goes asynchronous, at its first Salesforce call.)
 */
@Component("historicalRunQueue")
public class HistoricalRunQueue {

    private static final Logger LOG = LoggerFactory.getLogger(HistoricalRunQueue.class);

    private final HistoricalIntegrations integrations;
    private final RunLog runLog;
    private final ProducerTemplate producer;
    private final HistoricalMetrics metrics;
    private final Clock clock;
    private final Map<String, GroupQueue> queues = new ConcurrentHashMap<>();

    /** One group's runs: a single worker thread and the number of runs queued or running. */
    private static final class GroupQueue {
        final ThreadPoolExecutor worker;
        final String endpoint;
        int pending;

        GroupQueue(ActiveIntegration integration) {
            this.endpoint = endpoint(integration);
            this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "historical-runs-" + integration.slug());
                t.setDaemon(true);
                return t;
            });
        }
    }

    public HistoricalRunQueue(HistoricalIntegrations integrations, RunLog runLog, ProducerTemplate producer,
                              HistoricalMetrics metrics, Clock clock) {
        this.integrations = integrations;
        this.runLog = runLog;
        this.producer = producer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The run route's endpoint of a group. */
    public static String endpoint(ActiveIntegration integration) {
        return "direct:historical-run-" + integration.slug();
    }

    /** Opens the group's queue (its integration started). */
    synchronized void open(ActiveIntegration integration) {
        GroupQueue previous = queues.put(key(integration.group()), new GroupQueue(integration));
        if (previous != null) {
            previous.worker.shutdownNow();
        }
    }

    /**
     * Closes the group's queue (its integration stops): queued runs are dropped (the caller marks them FAILED) and
     * the run in progress, which ends at its next step, is awaited.
     */
    void close(String group) throws InterruptedException {
        GroupQueue queue;
        synchronized (this) {
            queue = queues.remove(key(group));
        }
        if (queue != null) {
            queue.worker.getQueue().clear();
            queue.worker.shutdown();
            if (!queue.worker.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("historical \"{}\": the run in progress did not end within 60 s of the stop", group);
            }
        }
    }

    /** A schedule tick: queues a SCHEDULED run, or skips the tick while a run of the group is queued or running. */
    public synchronized void scheduled(String group) {
        GroupQueue queue = queue(group);
        if (queue.pending > 0) {
            LOG.info("historical \"{}\": schedule tick skipped, a run is still queued or running", group);
            metrics.tickSkipped(integrations.get(group).group());
            return;
        }
        submit(queue, log(group, RunKind.SCHEDULED, null, null, 0));
    }

    /** Queues a run now (manual through the API, or the first run / catch-up at start), behind any run in progress. */
    public synchronized long now(String group, RunKind kind) {
        Run run = log(group, kind, null, null, 0);
        submit(queue(group), run);
        return run.id();
    }

    /**
     * Queues a backfill of {@code [from, to)}; its window (whole intervals, complete ones only) is known at once.
     *
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    public synchronized Run backfill(String group, Instant from, Instant to) {
        RunWindow window = integrations.get(group).planner().backfill(from, to, clock.instant());
        Run run = log(group, RunKind.BACKFILL, from, to, window.intervalCount());
        submit(queue(group), run);
        return run;
    }

    private Run log(String group, RunKind kind, Instant from, Instant to, int intervals) {
        ActiveIntegration integration = integrations.get(group);
        return runLog.queue(IntegrationType.HISTORICAL, integration.group(), kind, from, to, intervals,
                clock.instant());
    }

    private void submit(GroupQueue queue, Run run) {
        queue.pending++;
        queue.worker.execute(() -> {
            try {
                producer.sendBody(queue.endpoint, run.id());
            } catch (RuntimeException e) {
                LOG.warn("historical \"{}\": run {} could not run: {}", run.group(), run.id(), e.getMessage());
                failIfQueued(run.id(), e);
            } finally {
                synchronized (this) {
                    queue.pending--;
                }
            }
        });
    }

    private void failIfQueued(long runId, RuntimeException e) {
        runLog.find(runId).filter(r -> r.state() == RunState.QUEUED)
                .ifPresent(r -> runLog.fail(runId, "could not start: " + e.getMessage(), clock.instant()));
    }

    private GroupQueue queue(String group) {
        GroupQueue queue = queues.get(key(group));
        if (queue == null) {
            throw new IllegalStateException("the historical integration \"" + group + "\" does not run on this pod");
        }
        return queue;
    }

    private static String key(String group) {
        return ConnectorSettings.normaliseGroup(group);
    }
}
