package dev.wfmconnector.demo;

import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.status.IntegrationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tells the demo's user in a few console lines where to look, then what ran and what was published. */
@Component
@Profile(DemoOrgInitializer.DEMO_PROFILE)
@EnableScheduling
public class DemoConsole {

    private static final Logger LOG = LoggerFactory.getLogger("demo");

    private final IntegrationStates states;
    private final MeterRegistry meters;
    private final Environment environment;
    private String lastSummary = "";

    public DemoConsole(IntegrationStates states, MeterRegistry meters, Environment environment) {
        this.states = states;
        this.meters = meters;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        String port = environment.getProperty("local.server.port", "8080");
        String prefix = environment.getProperty("connector.outputs.jms.queue-prefix", "wfm.");
        LOG.info("""
                The demo is running against the simulated org (group "demo").
                  integrations: curl -u demo:demo http://localhost:{}/api/integrations
                  records:      JMS queues {}queue-interval, {}agent-interval, {}agent-queue-interval, {}agent, \
                {}agent-state, {}user on the embedded broker (data under ./data/demo)
                  metrics:      http://localhost:{}/actuator/prometheus""",
                port, prefix, prefix, prefix, prefix, prefix, prefix, port);
    }

    /** Every 20 s, when something changed: each integration's state and the records published per type. */
    @Scheduled(initialDelay = 20_000, fixedDelay = 20_000)
    public void summary() {
        String integrations = states.all().stream()
                .map(DemoConsole::describe)
                .collect(Collectors.joining(", "));
        Map<String, Long> published = new TreeMap<>();
        for (Counter counter : meters.find("wfm.records.published").tag("output", "jms").counters()) {
            published.merge(counter.getId().getTag("type"), (long) counter.count(), Long::sum);
        }
        String summary = "integrations: " + integrations + "\n  published to JMS: "
                + (published.isEmpty() ? "nothing yet" : published.toString());
        if (!summary.equals(lastSummary)) {
            lastSummary = summary;
            LOG.info(summary);
        }
    }

    private static String describe(IntegrationStatus status) {
        return status.type().wireName() + " " + status.state()
                + (status.reason() == null ? "" : " (" + status.reason() + ")");
    }
}
