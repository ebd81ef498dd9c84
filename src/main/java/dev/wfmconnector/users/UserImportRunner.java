package dev.wfmconnector.users;

import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.integration.IntegrationRunner;
import dev.wfmconnector.salesforce.Groups;
import dev.wfmconnector.salesforce.SalesforceOrg;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Runs a user-import integration: instantiates the two route templates of routes/user-import.camel.yaml for its
 * group, {@code user-import-schedule} (queues a run on the Quartz schedule) and {@code user-import-runs} (runs the
 * queued runs one at a time against the integration's org).
 */
@Component
public class UserImportRunner implements IntegrationRunner {

    static final String SCHEDULE_TEMPLATE = "user-import-schedule";
    static final String RUNS_TEMPLATE = "user-import-runs";

    private final CamelContext camel;
    private final UserImportQueue queue;

    public UserImportRunner(CamelContext camel, UserImportQueue queue) {
        this.camel = camel;
        this.queue = queue;
    }

    @Override
    public IntegrationType type() {
        return IntegrationType.USER_IMPORT;
    }

    @Override
    public void start(IntegrationSettings settings, SalesforceOrg org) {
        queue.failInterrupted(settings.group());
        TemplatedRouteBuilder.builder(camel, RUNS_TEMPLATE)
                .routeId(routeId(RUNS_TEMPLATE, settings))
                .parameter("group", settings.group())
                .parameter("salesforce", org.componentName())
                .add();
        TemplatedRouteBuilder.builder(camel, SCHEDULE_TEMPLATE)
                .routeId(routeId(SCHEDULE_TEMPLATE, settings))
                .parameter("group", settings.group())
                .parameter("salesforce", org.componentName())
                .parameter("schedule", settings.operational().userImportSchedule())
                .add();
        queue.firstImportIfNeverSucceeded(settings.group());
    }

    @Override
    public void stop(IntegrationSettings settings) throws Exception {
        for (String template : List.of(SCHEDULE_TEMPLATE, RUNS_TEMPLATE)) {
            String routeId = routeId(template, settings);
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
        }
    }

    /** The route of a template for the integration's group, e.g. {@code user-import-runs-emea}. */
    static String routeId(String template, IntegrationSettings settings) {
        return template + "-" + Groups.slug(settings.group());
    }
}
