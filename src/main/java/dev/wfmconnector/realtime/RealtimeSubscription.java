package dev.wfmconnector.realtime;

import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.ReplayPreset;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.config.RealtimeSettings;
import dev.wfmconnector.historical.ActivityCategories;
import dev.wfmconnector.integration.IntegrationFailed;
import dev.wfmconnector.salesforce.SalesforceOrg;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.store.ReplayCheckpoint;
import dev.wfmconnector.store.ReplayCheckpoints;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The realtime subscription of one group: the route of the {@code realtime-subscription} template
 * (routes/realtime.camel.yaml) on the integration's Salesforce component, its {@link Delivery} and {@link PubSubTap},
 * and a {@link SubscriptionWatchdog} that replaces the route when the 4.17 client does not recover by itself.
 *
 * <p>Where each route instance starts: after the stored checkpoint (CUSTOM) when there is one, else at LATEST (the
 * group's first subscription); at EARLIEST after the server refused a replay id, which is reported as a possible gap
 * ({@link ReplayCheckpoints#reportGap}, metric {@code wfm.realtime.gaps}). Replacing a route instance closes its
 * delivery first (the batch going out is published and checkpointed, the rest dropped unpublished) so the next one
 * resumes exactly after what was published. Lifecycle work runs on the subscription's own thread.
 */
final class RealtimeSubscription {

    static final String TEMPLATE = "realtime-subscription";
    static final String DELIVERY_ENDPOINT = "direct:realtime-delivery";
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeSubscription.class);
    private static final int BUFFER = 2_000;
    private static final int MAX_BATCH = 500;
    private static final Duration PUBLISH_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_PUBLISH_BACKOFF = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
    private static final Duration ROUTE_STOP_WAIT = Duration.ofSeconds(20);

    /** What a subscription works with, shared by all groups. */
    record Context(CamelContext camel, ProducerTemplate producer, ReplayCheckpoints checkpoints,
                   RealtimeMetrics metrics, IntegrationStates states, ApplicationEventPublisher events,
                   SubscriptionWatchdog watchdog, Clock clock) {
    }

    /** Where a route instance starts. */
    record ReplayStart(ReplayPreset preset, String replayId) {
        static final ReplayStart LATEST = new ReplayStart(ReplayPreset.LATEST, "");
        static final ReplayStart EARLIEST = new ReplayStart(ReplayPreset.EARLIEST, "");

        /** After the checkpoint, or at LATEST before a group's first checkpoint. */
        static ReplayStart after(Optional<ReplayCheckpoint> checkpoint) {
            return checkpoint.map(c -> new ReplayStart(ReplayPreset.CUSTOM, c.replayIdBase64())).orElse(LATEST);
        }

        @Override
        public String toString() {
            return preset == ReplayPreset.CUSTOM ? "CUSTOM after " + replayId : preset.name();
        }
    }

    private final RealtimeSettings settings;
    private final ActivityCategories activities;
    private final SalesforceOrg org;
    private final Context context;
    private final String routeId;
    private final String name;
    private final ScheduledExecutorService control;
    private volatile Attempt attempt;
    private ScheduledFuture<?> watch;
    private Instant healthyAt;
    private String startFailure;
    private Instant startFailedAt;
    /** Closed, or FAILED: no more watching or replacing. */
    private boolean stopped;

    RealtimeSubscription(RealtimeSettings settings, ActivityCategories activities, SalesforceOrg org, Context context,
                         String routeId) {
        this.settings = settings;
        this.activities = activities;
        this.org = org;
        this.context = context;
        this.routeId = routeId;
        this.name = "realtime \"" + settings.group() + "\"";
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, routeId + "-control");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Name of this subscription in the Camel registry, the route template's {@code subscription} parameter. */
    String beanName() {
        return routeId;
    }

    /** Starts the first route instance (after the checkpoint, or at LATEST) and the watchdog; throws when it cannot. */
    void start() throws Exception {
        onControl(() -> {
            healthyAt = context.clock().instant();
            startAttempt(ReplayStart.after(checkpoint()));
            watch = control.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
            return null;
        });
    }

    /** Stops watching and the current route instance; its delivery publishes the batch going out. */
    void close() throws Exception {
        onControl(() -> {
            stopped = true;
            if (watch != null) {
                watch.cancel(false);
            }
            stopAttempt();
            return null;
        });
        control.shutdown();
    }

    // ------------------------------------------------------------------ route steps

    /** Route step: the event's fields, by the configured names. */
    public AgentStateEvent read(GenericRecord event, String replayId) {
        context.metrics().received(settings.group());
        return AgentStateEvent.read(event, settings.operational().eventFields(), replayId, context.clock().instant());
    }

    /** Route step: into the delivery buffer; waits while it is full (the stream pauses). */
    public void deliver(AgentStateEvent event) {
        Attempt current = attempt;
        if (current != null) {
            current.delivery.offer(event);
        }
    }

    /**
     * The server refused a replay id (corrupted, or older than the retention); called on the client's gRPC thread,
     * which then keeps retrying the same id. Reports a possible gap once and replaces the route instance with one
     * that starts at EARLIEST.
     */
    void replayIdRefused(String replayId) {
        Attempt current = attempt;
        if (current == null || !current.firstRefusal()) {
            return;
        }
        String reason = "the Pub/Sub API refused replay id " + replayId + " (corrupted, or older than the event"
                + " retention); resubscribed at EARLIEST: events in between may be lost";
        LOG.warn("{}: {}", name, reason);
        context.metrics().gap(settings.group());
        context.checkpoints().reportGap(settings.group(), settings.topic(), reason, context.clock().instant());
        try {
            control.execute(() -> restart("replay id refused", ReplayStart.EARLIEST));
        } catch (RejectedExecutionException closed) {
            LOG.debug("{}: closed meanwhile", name);
        }
    }

    // ------------------------------------------------------------------ lifecycle (control thread)

    private void watch() {
        if (stopped) {
            return;
        }
        try {
            Instant now = context.clock().instant();
            Attempt current = attempt;
            SubscriptionWatchdog.Status status = current != null ? current.status(healthyAt)
                    : new SubscriptionWatchdog.Status(false, startFailedAt, null, startFailure, true, startFailedAt,
                    null, healthyAt);
            SubscriptionWatchdog.Verdict verdict = context.watchdog().assess(status, now);
            if (verdict instanceof SubscriptionWatchdog.Healthy) {
                healthyAt = now;
            } else if (verdict instanceof SubscriptionWatchdog.Restart restart) {
                restart(restart.reason(), null);
            } else if (verdict instanceof SubscriptionWatchdog.Fail fail) {
                fail(fail.reason());
            }
        } catch (RuntimeException e) {
            LOG.error("{}: watching the subscription failed", name, e);
        }
    }

    /** Replaces the route instance: at {@code start}, or after the checkpoint when null. */
    private void restart(String reason, ReplayStart start) {
        if (stopped) {
            return;
        }
        LOG.warn("{}: {}; replacing the subscription", name, reason);
        context.metrics().resubscribed(settings.group(), "connector");
        stopAttempt();
        try {
            startAttempt(start != null ? start : ReplayStart.after(checkpoint()));
        } catch (Exception e) {
            startFailure = "subscribing failed: " + SalesforceOrg.rootMessage(e);
            startFailedAt = context.clock().instant();
            LOG.warn("{}: {}", name, startFailure);
        }
    }

    private void fail(String reason) {
        stopped = true;
        watch.cancel(false);
        context.events().publishEvent(new IntegrationFailed(IntegrationType.REALTIME, settings.group(), reason));
    }

    private Optional<ReplayCheckpoint> checkpoint() {
        return context.checkpoints().find(settings.group(), settings.topic());
    }

    private void startAttempt(ReplayStart start) throws Exception {
        Attempt next = new Attempt();
        attempt = next;
        try {
            TappedChannels.building(next.tap, () -> context.camel().addRouteFromTemplate(routeId, TEMPLATE, parameters(start)));
        } catch (Exception e) {
            stopAttempt();
            throw e;
        }
        startFailure = null;
        LOG.info("{}: subscribing to {} at {}", name, settings.topic(), start);
    }

    private Map<String, Object> parameters(ReplayStart start) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("salesforce", org.componentName());
        parameters.put("topic", settings.topic());
        parameters.put("replayPreset", start.preset().name());
        parameters.put("replayId", start.replayId());
        parameters.put("subscription", beanName());
        return parameters;
    }

    /** Retires the tap, closes the delivery (its batch going out finishes), stops and removes the route. */
    private void stopAttempt() {
        Attempt current = attempt;
        if (current == null) {
            return;
        }
        current.stopping = true;
        current.tap.retire();
        if (!current.delivery.close(CLOSE_WAIT)) {
            LOG.error("{}: a batch was still being published after {} s; the next subscription may publish it again",
                    name, CLOSE_WAIT.toSeconds());
        }
        try {
            if (context.camel().getRoute(routeId) != null) {
                context.camel().getRouteController().stopRoute(routeId, ROUTE_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
                context.camel().removeRoute(routeId);
            }
        } catch (Exception e) {
            LOG.warn("{}: stopping route {} failed: {}", name, routeId, SalesforceOrg.rootMessage(e));
        }
        attempt = null;
    }

    private <T> T onControl(Callable<T> work) throws Exception {
        try {
            return control.submit(work).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Publishes a batch through the {@code realtime-delivery} route; throws what failed. */
    private void publish(Delivery.Batch batch) throws Exception {
        AgentStateBatch body = new AgentStateBatch(settings.group(), settings.topic(), activities, batch);
        Exchange exchange = context.producer().send(DELIVERY_ENDPOINT, e -> e.getMessage().setBody(body));
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
    }

    // ------------------------------------------------------------------ one route instance

    /** One route instance: its tap, delivery and what its streams did. */
    private final class Attempt implements PubSubTap.Observer, Delivery.Outcomes {
        private final PubSubTap tap = new PubSubTap(this);
        private final Delivery delivery;
        private volatile boolean stopping;
        private boolean refusalHandled;
        private boolean open;
        private Instant changedAt;
        private Instant lastAnswerAt;
        private String closeReason;
        private int streams;

        Attempt() {
            this.changedAt = context.clock().instant();
            this.delivery = new Delivery(routeId + "-delivery", BUFFER, MAX_BATCH, PUBLISH_BACKOFF, MAX_PUBLISH_BACKOFF,
                    context.clock(), RealtimeSubscription.this::publish, this);
        }

        /** True the first time: a refused replay id is handled once per route instance. */
        synchronized boolean firstRefusal() {
            boolean first = !refusalHandled && !stopping;
            refusalHandled = true;
            return first;
        }

        synchronized SubscriptionWatchdog.Status status(Instant healthySince) {
            return new SubscriptionWatchdog.Status(open, changedAt, lastAnswerAt, closeReason, delivery.idle(),
                    delivery.lastDelivered(), delivery.broken(), healthySince);
        }

        @Override
        public void subscribing(FetchRequest first) {
            int stream;
            synchronized (this) {
                open = true;
                changedAt = context.clock().instant();
                lastAnswerAt = null;
                stream = ++streams;
            }
            if (stream > 1) {
                context.metrics().resubscribed(settings.group(), "client");
                LOG.info("{}: the Pub/Sub client subscribed again at {}{}", name, first.getReplayPreset(),
                        first.getReplayPreset() == ReplayPreset.CUSTOM
                                ? " after " + Base64.getEncoder().encodeToString(first.getReplayId().toByteArray()) : "");
            }
        }

        @Override
        public void answered(FetchResponse response) {
            synchronized (this) {
                lastAnswerAt = context.clock().instant();
            }
            List<String> replayIds = response.getEventsList().stream()
                    .map(ConsumerEvent::getReplayId)
                    .map(id -> Base64.getEncoder().encodeToString(id.toByteArray()))
                    .toList();
            delivery.answered(replayIds, Base64.getEncoder().encodeToString(response.getLatestReplayId().toByteArray()));
        }

        @Override
        public void closed(Status status, String errorCode) {
            String reason = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription())
                    + (errorCode == null ? "" : " (" + errorCode + ")");
            synchronized (this) {
                open = false;
                changedAt = context.clock().instant();
                closeReason = reason;
            }
            delivery.streamClosed();
            if (!stopping) {
                LOG.warn("{}: the Pub/Sub stream ended: {}; the client subscribes again", name, reason);
            }
        }

        @Override
        public void delivered(Delivery.Batch batch, int failedAttempts) {
            if (failedAttempts > 0) {
                LOG.info("{}: published after {} failed attempts", name, failedAttempts);
                context.states().running(IntegrationType.REALTIME, settings.group());
            }
        }

        @Override
        public void failed(Delivery.Batch batch, int attempt, Exception failure) {
            context.metrics().publishFailed(settings.group());
            String reason = "publishing agent-state records failed: " + SalesforceOrg.rootMessage(failure)
                    + "; retrying with backoff, the stream waits";
            if (attempt == 1) {
                LOG.warn("{}: {}", name, reason);
            }
            if (!stopping) {
                context.states().failed(IntegrationType.REALTIME, settings.group(), reason);
            }
        }
    }
}
