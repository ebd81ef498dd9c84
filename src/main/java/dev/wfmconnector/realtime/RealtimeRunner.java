package dev.wfmconnector.realtime;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.HistoricalSettings;
import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.config.RealtimeSettings;
import dev.wfmconnector.integration.IntegrationRunner;
import dev.wfmconnector.salesforce.Groups;
import dev.wfmconnector.salesforce.SalesforceOrg;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.store.ReplayCheckpoints;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.InvalidReplayIdException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs realtime integrations (SPEC §4): for each, a {@link RealtimeSubscription} that instantiates the
 * {@code realtime-subscription} route template of routes/realtime.camel.yaml on the integration's Salesforce
 * component. The {@link dev.wfmconnector.integration.IntegrationSupervisor} calls {@link #start} once the group's
 * gate is open (on the pod leading the group) and {@link #stop} when it stops the integration.
 *
 * <p>The watchdog's timings ({@code connector.runtime.realtime.*}): {@code reconnect-timeout} (PT10S) how long a
 * closed stream is left to the client's own resubscription; {@code answer-timeout} (PT5M) how long an open stream
 * may stay silent (Salesforce sends a keep-alive within 270 s); {@code fail-after} (PT2M) how long the subscription
 * may go without a healthy stream before the integration is FAILED.
 */
@Component("realtimeRunner")
public class RealtimeRunner implements IntegrationRunner {

    private final ConnectorSettings settings;
    private final RealtimeSubscription.Context context;
    private final Map<String, RealtimeSubscription> subscriptions = new ConcurrentHashMap<>();

    public RealtimeRunner(ConnectorSettings settings, CamelContext camel, ProducerTemplate producer,
                          ReplayCheckpoints checkpoints, RealtimeMetrics metrics, IntegrationStates states,
                          ApplicationEventPublisher events,
                          @Value("${connector.runtime.realtime.reconnect-timeout:PT10S}") Duration reconnectTimeout,
                          @Value("${connector.runtime.realtime.answer-timeout:PT5M}") Duration answerTimeout,
                          @Value("${connector.runtime.realtime.fail-after:PT2M}") Duration failAfter) {
        this.settings = settings;
        this.context = new RealtimeSubscription.Context(camel, producer, checkpoints, metrics, states, events,
                new SubscriptionWatchdog(reconnectTimeout, answerTimeout, failAfter), Clock.systemUTC());
    }

    @Override
    public IntegrationType type() {
        return IntegrationType.REALTIME;
    }

    @Override
    public void start(IntegrationSettings integration, SalesforceOrg org) throws Exception {
        RealtimeSettings realtime = (RealtimeSettings) integration;
        HistoricalSettings historical = settings.historical(realtime.group()).orElseThrow(() -> new IllegalStateException(
                "realtime \"" + realtime.group() + "\" has no historical integration"));
        String routeId = routeId(realtime);
        RealtimeSubscription subscription = new RealtimeSubscription(realtime, historical.activities(), org, context,
                routeId);
        context.camel().getRegistry().bind(subscription.beanName(), subscription);
        subscriptions.put(routeId, subscription);
        try {
            subscription.start();
        } catch (Exception e) {
            stop(integration);
            throw e;
        }
    }

    @Override
    public void stop(IntegrationSettings integration) throws Exception {
        RealtimeSubscription subscription = subscriptions.remove(routeId(integration));
        if (subscription != null) {
            try {
                subscription.close();
            } finally {
                context.camel().getRegistry().unbind(subscription.beanName());
            }
        }
    }

    /**
     * Called by the route's error handler when the server refused a replay id (routes/realtime.camel.yaml,
     * {@code bridgeErrorHandler} + {@code onException}).
     */
    public void replayIdRefused(String routeId, InvalidReplayIdException refusal) {
        RealtimeSubscription subscription = subscriptions.get(routeId);
        if (subscription != null) {
            subscription.replayIdRefused(refusal.getReplayId());
        }
    }

    /** The route id (and registry name) of a group's subscription: {@code realtime-<group slug>}. */
    static String routeId(IntegrationSettings integration) {
        return "realtime-" + Groups.slug(integration.group());
    }
}
