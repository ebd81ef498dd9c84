package dev.wfmconnector.historical.run;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.config.HistoricalSettings;
import dev.wfmconnector.historical.RunPlanner;
import dev.wfmconnector.historical.RunWindow;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.RunState;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 * <p>
 * The queue runs on the pod that leads the group. A run asked for on another pod (replicas share the run log) is
 * only logged QUEUED there; the leading pod takes it up with {@link #takeUpQueued()}, which the supervisor calls every
 * few seconds, and as the integration starts.
 */
@Component("historicalRunQueue")
public class HistoricalRunQueue {

    private static final Logger LOG = LoggerFactory.getLogger(HistoricalRunQueue.class);

    private final ConnectorSettings settings;
    private final RunLog runLog;
    private final ProducerTemplate producer;
    private final HistoricalMetrics metrics;
    private final Clock clock;
    private final Map<String, GroupQueue> queues = new ConcurrentHashMap<>();

    /** One group's runs: a single worker thread, the runs handed to it, and the number queued or running. */
    private static final class GroupQueue {
        final ThreadPoolExecutor worker;
        final String endpoint;
        final String group;
        final Set<Long> submitted = new HashSet<>();
        int pending;

        GroupQueue(ActiveIntegration integration) {
            this.endpoint = endpoint(integration);
            this.group = integration.group();
            this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "historical-runs-" + integration.slug());
                t.setDaemon(true);
                return t;
            });
        }
    }

    public HistoricalRunQueue(ConnectorSettings settings, RunLog runLog, ProducerTemplate producer,
                              HistoricalMetrics metrics, Clock clock) {
        this.settings = settings;
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
            metrics.tickSkipped(settings(group).group());
            return;
        }
        submit(queue, log(group, RunKind.SCHEDULED, null, null, 0));
    }

    /**
     * Queues a run now (manual through the API, or the first run / catch-up at start), behind any run in progress;
     * on a pod that does not run the group, for the pod that does.
     */
    public synchronized long now(String group, RunKind kind) {
        Run run = log(group, kind, null, null, 0);
        submitHere(run);
        return run.id();
    }

    /**
     * Queues a backfill of {@code [from, to)}; its window (whole intervals, complete ones only) is known at once.
     *
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    public synchronized Run backfill(String group, Instant from, Instant to) {
        RunWindow window = RunPlanner.of(settings(group).operational()).backfill(from, to, clock.instant());
        Run run = log(group, RunKind.BACKFILL, from, to, window.intervalCount());
        submitHere(run);
        return run;
    }

    /** Hands the runs logged QUEUED for the groups running here, and not handed over yet, to their queues. */
    public synchronized void takeUpQueued() {
        queues.values().forEach(this::takeUpQueued);
    }

    /** {@link #takeUpQueued()} for one group. */
    synchronized void takeUpQueued(String group) {
        GroupQueue queue = queues.get(key(group));
        if (queue != null) {
            takeUpQueued(queue);
        }
    }

    private void takeUpQueued(GroupQueue queue) {
        for (Run run : runLog.unfinished(IntegrationType.HISTORICAL, queue.group)) {
            if (run.state() == RunState.QUEUED && !queue.submitted.contains(run.id())) {
                LOG.info("historical \"{}\": taking up run {} ({}), queued through another pod or before a restart",
                        queue.group, run.id(), run.kind());
                submit(queue, run);
            }
        }
    }

    private Run log(String group, RunKind kind, Instant from, Instant to, int intervals) {
        return runLog.queue(IntegrationType.HISTORICAL, settings(group).group(), kind, from, to, intervals,
                clock.instant());
    }

    private HistoricalSettings settings(String group) {
        return settings.historical(group).orElseThrow(() -> new IllegalStateException(
                "no historical integration \"" + group + "\" is configured"));
    }

    /** Submits the run to the group's queue when it runs here; else it waits in the run log for the leading pod. */
    private void submitHere(Run run) {
        GroupQueue queue = queues.get(key(run.group()));
        if (queue != null) {
            submit(queue, run);
        } else {
            LOG.info("historical \"{}\": run {} ({}) queued for the pod that runs the group", run.group(), run.id(),
                    run.kind());
        }
    }

    private void submit(GroupQueue queue, Run run) {
        queue.submitted.add(run.id());
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
                    queue.submitted.remove(run.id());
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
