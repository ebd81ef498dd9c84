package dev.wfmconnector.realtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Realtime metrics, tagged with the group:
 * {@code wfm.realtime.events.received} events the subscription handed to the connector;
 * {@code wfm.realtime.events.published} events whose records every output took (then checkpointed);
 * {@code wfm.realtime.events.skipped} events with no usable user id (published nothing, still checkpointed);
 * {@code wfm.realtime.agents.unknown} events of agents not yet synced ({@code agentKnown: false});
 * {@code wfm.realtime.event.lag} now − the event's CreatedDate when its record was published (timer with
 * percentiles and histogram);
 * {@code wfm.realtime.publish.failures} failed publish attempts (each retried in place);
 * {@code wfm.realtime.gaps} refused checkpoints that made the subscription restart at EARLIEST (possible gaps);
 * {@code wfm.realtime.resubscriptions{by}} new Subscribe streams after the first of a route instance, by the client
 * ({@code by=client}: dropped stream, auth error), and route instances the connector replaced ({@code by=connector}).
 */
@Component
public class RealtimeMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> lags = new ConcurrentHashMap<>();

    public RealtimeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(String group) {
        registry.counter("wfm.realtime.events.received", "group", group).increment();
    }

    /** Counts a published batch (its records, skipped events, unknown agents) and records its events' lag at {@code now}. */
    void published(String group, List<AgentStateEvent> events, AgentStateMapper.Mapped mapped, Instant now) {
        registry.counter("wfm.realtime.events.published", "group", group).increment(mapped.records().size());
        registry.counter("wfm.realtime.events.skipped", "group", group).increment(mapped.skipped());
        registry.counter("wfm.realtime.agents.unknown", "group", group).increment(mapped.unknownAgents());
        Timer lag = lags.computeIfAbsent(group, g -> Timer.builder("wfm.realtime.event.lag")
                .description("now minus the event's CreatedDate when its agent-state record was published")
                .tag("group", g)
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(registry));
        for (AgentStateEvent event : events) {
            lag.record(Duration.between(event.createdAt(), now));
        }
    }

    void publishFailed(String group) {
        registry.counter("wfm.realtime.publish.failures", "group", group).increment();
    }

    void gap(String group) {
        registry.counter("wfm.realtime.gaps", "group", group).increment();
    }

    void resubscribed(String group, String by) {
        registry.counter("wfm.realtime.resubscriptions", "group", group, "by", by).increment();
    }
}
