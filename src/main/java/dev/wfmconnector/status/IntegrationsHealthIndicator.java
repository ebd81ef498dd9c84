package dev.wfmconnector.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code integrations} health indicator, part of readiness: DOWN only when every enabled integration this pod
 * runs has FAILED (WAITING_FOR_HISTORICAL is not a failure; with none enabled it is UP). A pod that runs none of
 * them, a replica whose groups another pod leads, stays ready to answer the API. Its details show each
 * integration's state, as {@code "historical/emea": {"state": "RUNNING", ...}}.
 */
@Component
public class IntegrationsHealthIndicator extends AbstractHealthIndicator {

    private final IntegrationStates states;

    public IntegrationsHealthIndicator(IntegrationStates states) {
        super("integrations health check failed");
        this.states = states;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<IntegrationStatus> all = states.all();
        List<IntegrationStatus> enabled = all.stream()
                .filter(s -> s.enabled() && states.leads(s.group())).toList();
        boolean everyEnabledFailed = !enabled.isEmpty()
                && enabled.stream().allMatch(s -> s.state() == IntegrationState.FAILED);
        builder.status(everyEnabledFailed ? Status.DOWN : Status.UP);
        for (IntegrationStatus status : all) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", status.state());
            if (status.reason() != null) {
                detail.put("reason", status.reason());
            }
            detail.put("since", status.since().toString());
            builder.withDetail(status.type().wireName() + "/" + status.group(), detail);
        }
    }
}
