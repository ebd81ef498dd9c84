package dev.wfmconnector.historical.run;

import static dev.wfmconnector.historical.run.ScriptedDay.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunState;
import dev.wfmconnector.store.Watermarks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The historical integration end to end, through the whole application and the simulator, on the hand-scripted
 * evening of {@link ScriptedDay} (group {@code scripted}). The methods run in order, each building on the last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoricalScenarioTest extends HistoricalApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private Watermarks watermarks;

    /**
     * The first run (initial backfill: [2026-11-22T23:30, 2026-11-23T23:30) at T0 = 23:32) publishes the agents and
     * the hand-computed figures. T = 20 s, S = 5 s; lists: admin "Admin; Email", idle "Idle", not ready
     * "Not ready; Training", ready "Ready; On call"; 15-minute intervals.
     */
    @Test
    @Order(1)
    void theFirstRunPublishesTheHandComputedDay() throws Exception {
        Run first = firstRun(SCRIPTED_GROUP);
        assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(first.windowFrom()).isEqualTo("2026-11-22T23:30:00Z");
        assertThat(first.windowTo()).isEqualTo("2026-11-23T23:30:00Z");
        assertThat(watermarks.find(SCRIPTED_GROUP)).contains(at("23:30:00"));

        Map<String, JsonNode> published = byKey(drain(SCRIPTED_GROUP));
        published.values().forEach(e -> assertThat(e.get("revision").asLong()).isEqualTo(1));
        System.out.println(published.keySet());
    }

    private static Map<String, JsonNode> byKey(List<JsonNode> envelopes) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        envelopes.forEach(e -> byKey.put(e.get("key").asText(), e));
        return byKey;
    }
}
