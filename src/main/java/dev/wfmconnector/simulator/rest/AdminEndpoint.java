package dev.wfmconnector.simulator.rest;

import dev.wfmconnector.simulator.SimulatorFaults;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.SObjectType;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's own admin API (no Salesforce auth, loopback callers only):
 * <ul>
 *   <li>{@code GET /__admin/org}: org id and row counts per object;</li>
 *   <li>{@code GET /__admin/faults}: pending faults;</li>
 *   <li>{@code POST /__admin/faults/expire-tokens};</li>
 *   <li>{@code POST /__admin/faults/server-unavailable?count=N} (503) and
 *       {@code POST /__admin/faults/request-limit-exceeded?count=N} (403);</li>
 *   <li>{@code POST /__admin/faults/delay?millis=N} (0 turns it off);</li>
 *   <li>{@code POST /__admin/faults/drop-streams}, {@code POST /__admin/faults/corrupt-next-subscribe} (Pub/Sub);</li>
 *   <li>{@code POST /__admin/faults/clear}.</li>
 * </ul>
 */
final class AdminEndpoint {

    private final SimulatedOrg org;
    private final SimulatorFaults faults;

    AdminEndpoint(SimulatedOrg org, SimulatorFaults faults) {
        this.org = org;
        this.faults = faults;
    }

    ApiResponse handle(ApiRequest request) {
        if (!request.fromLoopback()) {
            return adminError(403, "the admin API answers loopback callers only");
        }
        String path = request.path();
        if (request.method().equals("GET")) {
            return switch (path) {
                case "/__admin/org" -> ApiResponse.json(orgSummary());
                case "/__admin/faults" -> ApiResponse.json(faultSummary());
                default -> adminError(404, "no such admin resource");
            };
        }
        if (!request.method().equals("POST") || !path.startsWith("/__admin/faults/")) {
            return adminError(404, "no such admin resource");
        }
        try {
            switch (path.substring("/__admin/faults/".length())) {
                case "expire-tokens" -> faults.expireTokens();
                case "server-unavailable" -> faults.serverUnavailable(count(request));
                case "request-limit-exceeded" -> faults.requestLimitExceeded(count(request));
                case "delay" -> faults.slowResponses(Duration.ofMillis(number(request, "millis")));
                case "drop-streams" -> faults.dropPubSubStreams();
                case "corrupt-next-subscribe" -> faults.corruptNextSubscribe();
                case "clear" -> faults.clear();
                default -> {
                    return adminError(404, "no such fault");
                }
            }
        } catch (IllegalStateException e) {
            return adminError(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            return adminError(400, e.getMessage());
        }
        return ApiResponse.json(faultSummary());
    }

    private Map<String, Object> orgSummary() {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (SObjectType<?> type : OrgSchema.all()) {
            counts.put(type.name(), org.count(type));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("orgId", org.orgId());
        summary.put("now", org.clock().instant().toString());
        summary.put("records", counts);
        return summary;
    }

    private Map<String, Object> faultSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pendingRestFailures", faults.pendingRestFailures());
        summary.put("delayMillis", faults.responseDelay().toMillis());
        summary.put("pubSubConnected", faults.pubSubConnected());
        return summary;
    }

    private static int count(ApiRequest request) {
        return (int) Math.min(Integer.MAX_VALUE, number(request, "count"));
    }

    private static long number(ApiRequest request, String name) {
        String value = request.param(name);
        if (value == null) {
            throw new IllegalArgumentException("parameter " + name + " is required");
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0) {
                throw new IllegalArgumentException("parameter " + name + " must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a whole number");
        }
    }

    private static ApiResponse adminError(int status, String message) {
        return ApiResponse.json(status, SalesforceJson.bytes(Map.of("error", message)));
    }
}
