package dev.wfmconnector.integration;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.salesforce.Groups;
import dev.wfmconnector.salesforce.SalesforceOrg;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.status.IntegrationStatusChanged;
import dev.wfmconnector.store.RealtimeGates;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs each integration where and when it should run: on the pod that leads its group (one Kubernetes lease per group
 * through Camel's cluster service; without a cluster service this pod leads every group), while it is enabled, and for
 * realtime only once the group's historical gate is open. Each integration gets its own Salesforce component; one
 * that cannot start (bad credentials, unsupported API version) is FAILED with the reason and retried with capped
 * backoff, while the others run on. All lifecycle work happens on one thread, in order.
 */
@Component
public class IntegrationSupervisor implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationSupervisor.class);

    private final ConnectorSettings settings;
    private final IntegrationStates states;
    private final RealtimeGates gates;
    /**
     * Looked up when needed, not injected: a SmartLifecycle bean that depends on the CamelContext would make Spring
     * start Camel before the context is refreshed, and Camel then loads no route files.
     */
    private final ObjectProvider<CamelContext> camel;
    private final Map<IntegrationType, IntegrationRunner> runners;
    private final ObjectProvider<CamelClusterService> clusterService;
    private final Duration initialRetry;
    private final Duration maxRetry;
    private final Duration sharedStateRefresh;
    private final ScheduledExecutorService lifecycle = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "integration-supervisor");
        t.setDaemon(true);
        return t;
    });

    private final Set<String> ledGroups = new LinkedHashSet<>();
    private final Map<String, SalesforceOrg> active = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> retries = new HashMap<>();
    private volatile boolean running;

    public IntegrationSupervisor(ConnectorSettings settings, IntegrationStates states, RealtimeGates gates,
                                 ObjectProvider<CamelContext> camel, List<IntegrationRunner> runners,
                                 ObjectProvider<CamelClusterService> clusterService,
                                 @Value("${connector.runtime.initial-retry:PT5S}") Duration initialRetry,
                                 @Value("${connector.runtime.max-retry:PT5M}") Duration maxRetry,
                                 @Value("${connector.runtime.shared-state-refresh:PT5S}") Duration sharedStateRefresh) {
        this.settings = settings;
        this.states = states;
        this.gates = gates;
        this.camel = camel;
        this.runners = runners.stream().collect(Collectors.toMap(IntegrationRunner::type, Function.identity()));
        this.clusterService = clusterService;
        this.initialRetry = initialRetry;
        this.maxRetry = maxRetry;
        this.sharedStateRefresh = sharedStateRefresh;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Not started with the context's lifecycle beans: Spring would start its dependency, the Camel context, first and
     * so before Camel Spring Boot adds the routes (it adds them only to a stopped context). It runs from
     * {@link #onApplicationReady()} and is stopped with the lifecycle beans.
     */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /** Integrations start once the application (and with it the Camel context) is up. */
    @EventListener(ApplicationReadyEvent.class)
    public void onApplicationReady() {
        start();
        Set<String> groups = new LinkedHashSet<>();
        settings.all().forEach(i -> groups.add(ConnectorSettings.normaliseGroup(i.group())));
        CamelClusterService cluster = clusterService.getIfAvailable();
        for (String group : groups) {
            if (cluster == null) {
                onLifecycle(() -> lead(group));
            } else {
                watchLeadership(cluster, group);
            }
        }
        // statuses set and runs asked for through another pod's API reach the pod that leads the group
        lifecycle.scheduleWithFixedDelay(this::takeUpRequestsToOtherPods, sharedStateRefresh.toMillis(),
                sharedStateRefresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void takeUpRequestsToOtherPods() {
        try {
            states.refreshToggles();
            runners.values().forEach(IntegrationRunner::takeUpRunsQueuedElsewhere);
        } catch (RuntimeException e) {
            LOG.warn("Reading what was asked for through the API failed: {}", e.getMessage());
        }
    }

    private void watchLeadership(CamelClusterService cluster, String group) {
        try {
            CamelClusterView view = cluster.getView("wfm-" + Groups.slug(group));
            view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) -> onLifecycle(() -> {
                boolean local = leader != null && leader.isLocal();
                if (local) {
                    lead(group);
                } else {
                    unlead(group);
                }
            }));
        } catch (Exception e) {
            LOG.error("Leader election for group \"{}\" could not start: {}", group, e.getMessage());
            settings.all().stream().filter(i -> ConnectorSettings.sameGroup(i.group(), group) && i.enabled())
                    .forEach(i -> states.failed(i.type(), i.group(), "leader election failed: " + e.getMessage()));
        }
    }

    private void lead(String group) {
        if (ledGroups.add(group)) {
            LOG.info("This pod runs the integrations of group \"{}\"", group);
            states.leading(group, true);
            integrationsOf(group).forEach(this::activate);
        }
    }

    private void unlead(String group) {
        if (ledGroups.remove(group)) {
            LOG.info("Another pod runs the integrations of group \"{}\" now", group);
            states.leading(group, false);
            integrationsOf(group).forEach(this::deactivate);
        }
    }

    private List<IntegrationSettings> integrationsOf(String group) {
        return settings.all().stream().filter(i -> ConnectorSettings.sameGroup(i.group(), group)).toList();
    }

    /** Starts the integration if it should run now: led here, enabled, and (realtime) its gate open. */
    private void activate(IntegrationSettings integration) {
        String key = key(integration.type(), integration.group());
        IntegrationRunner runner = runners.get(integration.type());
        if (runner == null || !running || active.containsKey(key) || !ledGroups.contains(ConnectorSettings.normaliseGroup(integration.group()))
                || !states.isEnabled(integration.type(), integration.group())) {
            return;
        }
        if (integration.type() == IntegrationType.REALTIME && !gates.isOpen(integration.group())) {
            states.waitingForHistorical(integration.type(), integration.group());
            return;
        }
        cancelRetry(key);
        SalesforceOrg org = null;
        try {
            org = SalesforceOrg.connect(camel.getObject(), integration);
            runner.start(integration, org);
            active.put(key, org);
            failures.remove(key);
            states.running(integration.type(), integration.group());
        } catch (Exception e) {
            if (org != null) {
                stopQuietly(integration);
                org.close();
            }
            fail(integration, e.getMessage());
        }
    }

    private void deactivate(IntegrationSettings integration) {
        String key = key(integration.type(), integration.group());
        cancelRetry(key);
        SalesforceOrg org = active.remove(key);
        if (org != null) {
            stopQuietly(integration);
            org.close();
        }
    }

    private void fail(IntegrationSettings integration, String reason) {
        String key = key(integration.type(), integration.group());
        int attempt = failures.merge(key, 1, Integer::sum);
        long delay = Math.min(maxRetry.toMillis(), initialRetry.toMillis() << Math.min(attempt - 1, 20));
        states.failed(integration.type(), integration.group(), reason + " (retry " + attempt + " in "
                + Duration.ofMillis(delay).toSeconds() + " s)");
        retries.put(key, lifecycle.schedule(() -> activate(integration), delay, TimeUnit.MILLISECONDS));
    }

    private void stopQuietly(IntegrationSettings integration) {
        try {
            runners.get(integration.type()).stop(integration);
        } catch (Exception e) {
            LOG.warn("Stopping {} \"{}\" failed: {}", integration.type().wireName(), integration.group(), e.getMessage());
        }
    }

    private void cancelRetry(String key) {
        ScheduledFuture<?> retry = retries.remove(key);
        if (retry != null) {
            retry.cancel(false);
        }
    }

    @EventListener
    public void onStatusChanged(IntegrationStatusChanged change) {
        settings.find(change.type(), change.group()).ifPresent(i -> onLifecycle(() -> {
            if (change.enabled()) {
                activate(i);
            } else {
                deactivate(i);
            }
        }));
    }

    @EventListener
    public void onGateOpened(RealtimeGateOpened opened) {
        settings.find(IntegrationType.REALTIME, opened.group()).ifPresent(i -> onLifecycle(() -> activate(i)));
    }

    @EventListener
    public void onIntegrationFailed(IntegrationFailed failed) {
        settings.find(failed.type(), failed.group()).ifPresent(i -> onLifecycle(() -> {
            deactivate(i);
            fail(i, failed.reason());
        }));
    }

    private void onLifecycle(Runnable action) {
        lifecycle.execute(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("Integration lifecycle action failed", e);
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        try {
            lifecycle.submit(() -> settings.all().forEach(this::deactivate)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Stopping the integrations did not finish: {}", e.getMessage());
        }
        lifecycle.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Camel context (phase {@code Integer.MAX_VALUE - 2049}) so routes end before their components. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private static String key(IntegrationType type, String group) {
        return type.wireName() + "|" + ConnectorSettings.normaliseGroup(group);
    }
}
