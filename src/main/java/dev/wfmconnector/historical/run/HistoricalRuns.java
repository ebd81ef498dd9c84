package dev.wfmconnector.historical.run;

import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.historical.ActivityBucketer;
import dev.wfmconnector.historical.AgentIntervalRecord;
import dev.wfmconnector.historical.ContactThresholdEvaluator;
import dev.wfmconnector.historical.ContactThresholdEvaluator.UnresolvedContact;
import dev.wfmconnector.historical.IntervalRecord;
import dev.wfmconnector.historical.QueueIntervalRecord;
import dev.wfmconnector.historical.RunWindow;
import dev.wfmconnector.historical.SkippedRows;
import dev.wfmconnector.integration.IntegrationFailed;
import dev.wfmconnector.integration.RealtimeGateOpened;
import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.output.Publisher;
import dev.wfmconnector.store.AgentRegistry;
import dev.wfmconnector.store.ContactOffer;
import dev.wfmconnector.store.ContactOffers;
import dev.wfmconnector.store.EmittedRecord;
import dev.wfmconnector.store.EmittedRecords;
import dev.wfmconnector.store.PresenceStatusCatalog;
import dev.wfmconnector.store.RealtimeGates;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.RunState;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StateCommits;
import dev.wfmconnector.store.StateCommits.HistoricalRunOutcome;
import dev.wfmconnector.store.StoredUser;
import dev.wfmconnector.store.Watermarks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps of a historical run that are not Salesforce calls (routes/historical.camel.yaml, route
 * {@code historical-run}): plan the window, compute a chunk's interval records, keep only what is new or changed,
 * publish, commit, and end the run (succeeded, or failed with its reason). The computing itself is done by the
 * pure classes of {@code dev.wfmconnector.historical}.
 */
@Component("historicalRuns")
public class HistoricalRuns {

    /** The exchange property holding the id of the run being worked on (set before it is planned). */
    public static final String RUN_ID = "historicalRunId";
    /** Envelopes handed to the outputs in one publish call. */
    static final int PUBLISH_SLICE = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(HistoricalRuns.class);

    private final HistoricalIntegrations integrations;
    private final RunLog runLog;
    private final Watermarks watermarks;
    private final RealtimeGates gates;
    private final EmittedRecords emittedRecords;
    private final ContactOffers contactOffers;
    private final AgentRegistry agentRegistry;
    private final PresenceStatusCatalog presenceStatusCatalog;
    private final StateCommits stateCommits;
    private final Publisher publisher;
    private final HistoricalMetrics metrics;
    private final SalesforceErrors errors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public HistoricalRuns(HistoricalIntegrations integrations, RunLog runLog, Watermarks watermarks,
                          RealtimeGates gates, EmittedRecords emittedRecords, ContactOffers contactOffers,
                          AgentRegistry agentRegistry,
                          PresenceStatusCatalog presenceStatusCatalog, StateCommits stateCommits, Publisher publisher,
                          HistoricalMetrics metrics, SalesforceErrors errors,
                          ApplicationEventPublisher events, Clock clock) {
        this.integrations = integrations;
        this.runLog = runLog;
        this.watermarks = watermarks;
        this.gates = gates;
        this.emittedRecords = emittedRecords;
        this.contactOffers = contactOffers;
        this.agentRegistry = agentRegistry;
        this.presenceStatusCatalog = presenceStatusCatalog;
        this.stateCommits = stateCommits;
        this.publisher = publisher;
        this.metrics = metrics;
        this.errors = errors;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts a queued run: plans its window (SPEC §8: {@code [floor(watermark − lookback), floor(now − settle-delay))},
     * a first run {@code initial-backfill} before that end; a backfill its own range) and marks it RUNNING.
     */
    public HistoricalRun begin(String group, long runId) {
        ActiveIntegration integration = integrations.get(group);
        Run logged = runLog.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        if (logged.state() != RunState.QUEUED) {
            throw new IllegalStateException("run " + runId + " is " + logged.state() + ", not QUEUED");
        }
        Instant now = clock.instant();
        RunWindow window = logged.kind() == RunKind.BACKFILL
                ? integration.planner().backfill(logged.windowFrom(), logged.windowTo(), now)
                : integration.planner().plan(watermarks.find(group).orElse(null), now);
        boolean backfill = logged.kind() == RunKind.BACKFILL;
        runLog.start(runId, backfill ? null : window.start(), backfill ? null : window.end(), window.intervalCount(),
                now);
        HistoricalRun run = new HistoricalRun(integration, runId, logged.kind(), window, clock, gates.isOpen(group),
                () -> contactOffers.all(group).stream()
                        .map(o -> new UnresolvedContact(o.workItemId(), o.queueId(), o.offeredAt())).toList());
        LOG.info("{} started", run);
        return run;
    }

    /** Keeps the org's presence status catalog (label ↔ API name) for the realtime integration. */
    public void keepPresenceStatuses(@ExchangeProperty(HistoricalRun.PROPERTY) HistoricalRun run) {
        if (run.presenceStatuses().isEmpty()) {
            LOG.warn("historical \"{}\": the org returned no ServicePresenceStatus; the catalog is kept as it was",
                    run.group());
            return;
        }
        presenceStatusCatalog.replace(run.group(), run.presenceStatuses());
    }

    /** Ends the chunk's bucketing and threshold evaluation: its interval records and the users seen in its rows. */
    public void computeIntervals(@ExchangeProperty(HistoricalRun.PROPERTY) HistoricalRun run) {
        ActivityBucketer.Result activity = run.bucketer().finish();
        ContactThresholdEvaluator.Result contacts = run.evaluator().finish();
        run.skipped("UserServicePresence", activity.skipped());
        run.skipped("AgentWork", contacts.skipped());
        metrics.skipped(run.group(), "UserServicePresence", activity.skipped());
        metrics.skipped(run.group(), "AgentWork", contacts.skipped());
        List<IntervalRecord> records = new ArrayList<>(activity.records().size() + contacts.queueRecords().size()
                + contacts.agentQueueRecords().size());
        records.addAll(contacts.queueRecords());
        records.addAll(activity.records());
        records.addAll(contacts.agentQueueRecords());
        Set<String> seen = new HashSet<>(activity.agentIds());
        seen.addAll(contacts.agentIds());
        run.computed(records, seen);
        contactOffers.keep(run.group(), contacts.unresolved().stream()
                .map(c -> new ContactOffer(c.workItemId(), c.queueId(), c.offeredAt())).toList());
    }

    /**
     * Agent sync and revisions: the users read that are new or changed become {@code agent} records; the interval
     * records (named after their queue and agent) that are new or changed, and those published before that no longer
     * have anything (as zeros), are kept for publishing with their revisions.
     */
    public void keepChanged(@ExchangeProperty(HistoricalRun.PROPERTY) HistoricalRun run) {
        String group = run.group();
        Map<String, StoredUser> registry = new HashMap<>(agentRegistry.find(group, run.agentIds()));
        Map<String, SalesforceUser> users = run.users();
        SkippedRows unreadable = new SkippedRows();
        run.agentIds().stream().filter(id -> !users.containsKey(id))
                .forEach(id -> unreadable.count("user not readable (deleted, or no access)"));
        run.skipped("User", unreadable);
        metrics.skipped(group, "User", unreadable);
        List<StoredUser> agents = AgentSync.toPublish(users.values(), registry);
        Function<String, String> agentName = id -> {
            SalesforceUser user = users.get(id);
            if (user != null) {
                return user.name();
            }
            StoredUser known = registry.computeIfAbsent(id, k -> agentRegistry.find(group, k).orElse(null));
            return known == null ? null : known.user().name();
        };
        Map<String, String> queueNames = run.queueNames();
        List<IntervalRecord> named = new ArrayList<>(run.computedRecords().size());
        for (IntervalRecord record : run.computedRecords()) {
            if (record instanceof QueueIntervalRecord queue) {
                named.add(queue.withQueueName(queueNames.get(queue.queueId())));
            } else if (record instanceof AgentIntervalRecord agent) {
                named.add(agent.withAgentName(agentName.apply(agent.agentId())));
            } else {
                named.add(record);
            }
        }
        RunWindow chunk = run.chunk();
        Map<String, EmittedRecord> published = emittedRecords.inWindow(group, chunk.start(), chunk.end());
        run.toPublish(agents, RecordRevisions.toPublish(group, named, published, queueNames, agentName,
                chunk.intervalMinutes()));
    }

    /**
     * Hands the chunk's agent records, then its interval records in interval order, to every enabled output, in
     * slices of {@value #PUBLISH_SLICE}; returns once all were taken (throws otherwise, and nothing is committed).
     */
    public void publish(@ExchangeProperty(HistoricalRun.PROPERTY) HistoricalRun run) {
        String group = run.group();
        Instant producedAt = clock.instant();
        List<Envelope> slice = new ArrayList<>(PUBLISH_SLICE);
        for (StoredUser agent : run.agentsToPublish()) {
            slice.add(AgentSync.envelope(group, agent, producedAt));
            if (slice.size() == PUBLISH_SLICE) {
                publish(run, slice);
            }
        }
        for (RecordRevisions.Publication p : run.recordsToPublish()) {
            slice.add(Envelope.of(p.record().type(), group, p.key(), p.revision(), producedAt, p.record().data()));
            run.publishedDigest(new EmittedRecord(p.key(), p.revision(), p.digest(), p.record().intervalStart(),
                    producedAt));
            if (slice.size() == PUBLISH_SLICE) {
                publish(run, slice);
            }
        }
        publish(run, slice);
    }

    private void publish(HistoricalRun run, List<Envelope> slice) {
        if (slice.isEmpty()) {
            return;
        }
        run.integration().checkRunning();
        publisher.publish(slice);
        metrics.published(run.group(), slice);
        run.published(slice.size());
        slice.clear();
    }

    /**
     * Acknowledges the published chunk in one transaction: the watermark moves to the chunk's end (not for a
     * backfill), the digests and agents are saved and, for the last chunk, the run is SUCCEEDED and the gate opened.
     */
    public void commit(@ExchangeProperty(HistoricalRun.PROPERTY) HistoricalRun run) {
        run.integration().checkRunning();
        Instant watermark = run.kind() == RunKind.BACKFILL ? null : run.chunk().end();
        run.chunkDone();
        HistoricalRunOutcome outcome = new HistoricalRunOutcome(run.group(), run.id(), watermark,
                run.publishedDigests(), run.agentsToPublish(), run.counts(), clock.instant());
        if (run.isLastChunk()) {
            stateCommits.historicalRunSucceeded(outcome);
            run.succeeded();
        } else {
            stateCommits.historicalChunkCommitted(outcome);
        }
        LOG.debug("{}: chunk {} committed, {} records published", run, run.chunk(), outcome.records().size());
    }

    /**
     * Ends a run whose chunks are all committed (a window with no complete interval succeeds with nothing), prunes
     * digests older than lookback plus seven days, and announces the gate when this run opened it.
     */
    public void finish(@ExchangeProperty(HistoricalRun.PROPERTY) HistoricalRun run) {
        Instant now = clock.instant();
        if (!run.isSucceeded()) {
            stateCommits.historicalRunSucceeded(new HistoricalRunOutcome(run.group(), run.id(), null, List.of(),
                    List.of(), run.counts(), now));
            run.succeeded();
        }
        Duration lookback = run.integration().settings().operational().lookback();
        emittedRecords.prune(run.group(), now, lookback);
        contactOffers.prune(run.group(), now.minus(lookback).minus(EmittedRecords.RETENTION_BEYOND_LOOKBACK));
        Duration took = run.took();
        metrics.runEnded(run.group(), run.kind(), took, true);
        LOG.info("{} SUCCEEDED in {} ms: {} rows read in {} pages, {} records published", run, took.toMillis(),
                run.counts().recordsRead(), run.pages(), run.counts().recordsPublished());
        logSkipped(run);
        if (!run.gateWasOpen()) {
            events.publishEvent(new RealtimeGateOpened(run.group()));
        }
    }

    /**
     * A run failed: it is logged FAILED with the reason and its watermark stays, so the next run catches up. When the
     * integration cannot go on by itself (credentials, a query the org rejects) it is reported FAILED too.
     */
    public void failed(String group, @ExchangeProperty(RUN_ID) Long runId,
                       @ExchangeProperty(HistoricalRun.PROPERTY) HistoricalRun run,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception exception) {
        String reason = reason(exception);
        if (run != null && run.isSucceeded()) {
            LOG.warn("{} succeeded, but ending it failed: {}", run, reason);
            return;
        }
        if (runId != null) {
            try {
                runLog.fail(runId, reason, clock.instant());
            } catch (IllegalArgumentException e) {
                LOG.warn("historical \"{}\": run {} is not in the run log", group, runId);
            }
        }
        if (run != null) {
            metrics.runEnded(run.group(), run.kind(), run.took(), false);
            logSkipped(run);
        }
        LOG.warn("historical \"{}\" run {} FAILED (the watermark stays; the next run catches up): {}", group, runId,
                reason);
        if (errors.cannotGoOn(exception)) {
            events.publishEvent(new IntegrationFailed(IntegrationType.HISTORICAL, group, reason));
        }
    }

    private static void logSkipped(HistoricalRun run) {
        for (Map.Entry<String, SkippedRows> skipped : run.skippedRows().entrySet()) {
            LOG.warn("{}: {} {} rows skipped: {}", run, skipped.getValue().total(), skipped.getKey(),
                    skipped.getValue().byReason());
        }
    }

    /**
     * Why a run failed, for the run log and the status API: the message of the first exception in the chain that is
     * not one of Camel's wrappers, with the HTTP status when Salesforce answered with an error.
     */
    static String reason(Throwable exception) {
        if (exception == null) {
            return "unknown error";
        }
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof RuntimeCamelException || cause instanceof CamelExecutionException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof SalesforceException salesforce && salesforce.getStatusCode() > 0) {
            return "Salesforce answered " + salesforce.getStatusCode() + ": " + message;
        }
        return message;
    }
}
