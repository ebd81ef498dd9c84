package dev.wfmconnector.historical.run;

import dev.wfmconnector.config.HistoricalSettings;
import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.integration.IntegrationRunner;
import dev.wfmconnector.salesforce.SalesforceOrg;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.Watermarks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the historical integrations (SPEC §3): for each one started by the supervisor it adds the routes of
 * routes/historical.camel.yaml from their templates ({@code historical-query}, {@code historical-run},
 * {@code historical-schedule}, route ids suffixed with the group's slug) and queues a run at once when complete
 * intervals are waiting (a new group's initial backfill, or a catch-up after downtime); the schedule does the rest.
 * Runs left RUNNING by a previous process are marked FAILED as it starts (their watermark never moved, so the next
 * run covers them); runs left QUEUED (asked for on another pod, or before a restart) are taken up. Stopping fails
 * the runs queued or running.
 */
@Component
public class HistoricalRunner implements IntegrationRunner {

    static final String[] TEMPLATES = {"historical-query", "historical-run", "historical-schedule"};
    /**
     * The objects the default queries of routes/historical.camel.yaml read, described as the integration starts: a
     * describe that fails fails the start (the integration is FAILED with the reason, and started again later). An
     * object a route edit adds is described on first use.
     */
    static final List<String> QUERIED_OBJECTS = List.of("ServicePresenceStatus", "Group", "UserServicePresence",
            "AgentWork", "User");
    private static final Logger LOG = LoggerFactory.getLogger(HistoricalRunner.class);
    private static final String INTERRUPTED = "interrupted: the connector restarted or the integration stopped "
            + "during the run";

    private final CamelContext camel;
    private final HistoricalIntegrations integrations;
    private final HistoricalRunQueue queue;
    private final RunLog runLog;
    private final Watermarks watermarks;
    private final Clock clock;

    public HistoricalRunner(CamelContext camel, HistoricalIntegrations integrations, HistoricalRunQueue queue,
                            RunLog runLog, Watermarks watermarks, Clock clock) {
        this.camel = camel;
        this.integrations = integrations;
        this.queue = queue;
        this.runLog = runLog;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    @Override
    public IntegrationType type() {
        return IntegrationType.HISTORICAL;
    }

    @Override
    public void start(IntegrationSettings settings, SalesforceOrg org) throws Exception {
        HistoricalSettings historical = (HistoricalSettings) settings;
        ActiveIntegration integration = new ActiveIntegration(historical, org);
        QUERIED_OBJECTS.forEach(integration::fields);
        int interrupted = runLog.failRunning(IntegrationType.HISTORICAL, historical.group(), INTERRUPTED,
                clock.instant());
        if (interrupted > 0) {
            LOG.warn("historical \"{}\": {} runs left unfinished before were marked FAILED", historical.group(),
                    interrupted);
        }
        integrations.add(integration);
        queue.open(integration);
        List<String> added = new ArrayList<>();
        try {
            for (String template : TEMPLATES) {
                added.add(TemplatedRouteBuilder.builder(camel, template)
                        .routeId(routeId(template, integration))
                        .parameter("group", integration.group())
                        .parameter("slug", integration.slug())
                        .parameter("salesforce", org.componentName())
                        .parameter("schedule", historical.operational().schedule())
                        .add());
            }
        } catch (Exception e) {
            queue.close(historical.group());
            removeRoutes(added);
            integrations.remove(historical.group());
            throw e;
        }
        queue.takeUpQueued(integration.group());  // asked for while the integration ran nowhere
        if (catchUpDue(integration)) {
            queue.now(integration.group(), RunKind.SCHEDULED);
        }
    }

    @Override
    public void takeUpRunsQueuedElsewhere() {
        queue.takeUpQueued();
    }

    @Override
    public void stop(IntegrationSettings settings) throws Exception {
        ActiveIntegration integration = integrations.find(settings.group()).orElse(null);
        if (integration == null) {
            return;
        }
        integration.stop();
        // no more ticks; the run in progress ends at its next step; then its routes go
        removeRoutes(List.of(routeId("historical-schedule", integration)));
        queue.close(settings.group());
        removeRoutes(List.of(routeId("historical-run", integration), routeId("historical-query", integration)));
        integrations.remove(settings.group());
        runLog.failUnfinished(IntegrationType.HISTORICAL, settings.group(), INTERRUPTED, clock.instant());
    }

    /** Whether complete intervals after the watermark are waiting (always, before the first run). */
    private boolean catchUpDue(ActiveIntegration integration) {
        Instant watermark = watermarks.find(integration.group()).orElse(null);
        return watermark == null || integration.planner().plan(watermark, clock.instant()).end().isAfter(watermark);
    }

    private void removeRoutes(List<String> routeIds) throws Exception {
        for (String routeId : routeIds) {
            Route route = camel.getRoute(routeId);
            if (route != null) {
                camel.getRouteController().stopRoute(routeId, 60, TimeUnit.SECONDS);
                camel.removeRoute(routeId);
            }
        }
    }

    static String routeId(String template, ActiveIntegration integration) {
        return template + "-" + integration.slug();
    }
}
