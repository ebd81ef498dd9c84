package dev.wfmconnector.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wfmconnector.simulator.camel.CamelSalesforceClient;
import dev.wfmconnector.simulator.org.OrgSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the simulator's query API through the real camel-salesforce client, so later benchmarks know
 * the simulator is not their bottleneck. Run with
 * {@code ./mvnw -q -Pbenchmark test -Dtest=SimulatorQueryBenchmark} ({@code -Dbenchmark.rows=200000},
 * {@code -Dbenchmark.agents=1000}, {@code -Dbenchmark.runs=3} to change the defaults). Prints its figures.
 */
@Tag("benchmark")
class SimulatorQueryBenchmark {

    private static final String WORK_QUERY = "SELECT Id, WorkItemId, UserId, OriginalGroupId, ServiceChannelId, "
            + "RequestDateTime, AcceptDateTime, CancelDateTime, CloseDateTime, HandleTime, "
            + "AfterConversationActualTime, Status FROM AgentWork";
    private static final String PRESENCE_QUERY = "SELECT Id, UserId, ServicePresenceStatus.MasterLabel, "
            + "ServicePresenceStatus.DeveloperName, StatusStartDate, StatusEndDate, IsCurrentState "
            + "FROM UserServicePresence";

    @Test
    void queryRowsPerSecondThroughCamelSalesforce() {
        int targetRows = Integer.getInteger("benchmark.rows", 200_000);
        int agents = Integer.getInteger("benchmark.agents", 1000);
        int runs = Integer.getInteger("benchmark.runs", 3);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-16T00:00:00Z"));
        try (SalesforceOrgSimulator sim = SalesforceOrgSimulator.builder().client("bench", "bench-secret")
                .agents(agents).clock(clock).build().start()) {
            long started = System.nanoTime();
            while (sim.org().count(OrgSchema.AGENT_WORK) < targetRows) {
                clock.advance(Duration.ofHours(1));
                sim.scenario().advanceTo(clock.instant());
            }
            double generation = seconds(started);
            int workRows = sim.org().count(OrgSchema.AGENT_WORK);
            int presenceRows = sim.org().count(OrgSchema.USER_SERVICE_PRESENCE);
            System.out.printf("Scenario: %d agents, %s simulated, %d AgentWork + %d UserServicePresence rows "
                            + "generated in %.1f s (%.0f rows/s)%n", agents,
                    Duration.between(Instant.parse("2026-11-16T00:00:00Z"), clock.instant()), workRows, presenceRows,
                    generation, (workRows + presenceRows) / generation);

            try (CamelSalesforceClient client = new CamelSalesforceClient(sim.baseUrl(), "bench", "bench-secret")) {
                measure("AgentWork", client, WORK_QUERY, workRows, runs);
                measure("UserServicePresence (with parent fields)", client, PRESENCE_QUERY, presenceRows, runs);
            }
        }
    }

    private static void measure(String what, CamelSalesforceClient client, String soql, int expectedRows, int runs) {
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            int rows = 0;
            long bytes = 0;
            int pages = 0;
            String next = null;
            do {
                String body = next == null
                        ? client.template().requestBody("salesforce:query?rawPayload=true&sObjectQuery=RAW(" + soql + ")",
                                null, String.class)
                        : client.template().requestBody("salesforce:queryMore?rawPayload=true", next, String.class);
                JsonNode page = CamelSalesforceClient.json(body);
                rows += page.get("records").size();
                bytes += body.length();
                pages++;
                next = page.get("done").asBoolean() ? null : page.get("nextRecordsUrl").asText();
            } while (next != null);
            double elapsed = seconds(started);
            assertThat(rows).isEqualTo(expectedRows);
            rates.add(rows / elapsed);
            System.out.printf("  %s run %d: %d rows in %d pages, %.1f MB JSON, %.2f s: %.0f rows/s%n", what, run + 1,
                    rows, pages, bytes / 1e6, elapsed, rows / elapsed);
        }
        Collections.sort(rates);
        System.out.printf("%s query through camel-salesforce: best %.0f rows/s, median %.0f rows/s%n", what,
                rates.get(rates.size() - 1), rates.get(rates.size() / 2));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
