package dev.wfmconnector.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Publishing throughput on the production path: persistent JMS on the embedded broker (journal on disk) and HTTP
 * to a local receiver. Prints figures; run with {@code ./mvnw -q -Pbenchmark test -Dtest=OutputsBenchmarkTest}.
 */
@Tag("benchmark")
class OutputsBenchmarkTest extends OutputsContextTest {
    private static final int RUN_RECORDS = 5_000;
    private static final int SINGLE_PUBLISHES = 300;

    @Autowired
    JmsOutput jmsOutput;

    @Autowired
    HttpBatches httpBatches;

    @Autowired
    HttpDelivery httpDelivery;

    @Test
    void publishThroughput() {
        publisher.publish(agentIntervals("warm-up", 1_000));

        List<Envelope> run = agentIntervals("bench-run", RUN_RECORDS);
        report("publish (JMS + HTTP), new records", run, publisher::publish);
        report("publish (JMS + HTTP), the same records again", run, publisher::publish);
        report("JMS output alone", agentIntervals("bench-jms", RUN_RECORDS), jmsOutput::send);
        report("HTTP output alone", agentIntervals("bench-http", RUN_RECORDS),
                envelopes -> httpBatches.split(envelopes).forEach(httpDelivery::deliver));

        List<Envelope> events = agentIntervals("bench-single", SINGLE_PUBLISHES);
        long start = System.nanoTime();
        events.forEach(event -> publisher.publish(List.of(event)));
        System.out.printf("%d publishes of 1 record (realtime events, JMS + HTTP): %.1f ms per publish%n",
                SINGLE_PUBLISHES, (System.nanoTime() - start) / 1e6 / SINGLE_PUBLISHES);
    }

    private static void report(String what, List<Envelope> envelopes, Consumer<List<Envelope>> publish) {
        long start = System.nanoTime();
        publish.accept(envelopes);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s, %d records: %.2f s, %.0f records/s%n", what, envelopes.size(), seconds,
                envelopes.size() / seconds);
    }

    private static List<Envelope> agentIntervals(String group, int count) {
        List<Envelope> envelopes = new ArrayList<>();
        Instant first = Instant.parse("2026-11-24T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String agentId = String.format("005Hs0000%09d", i % 1_000);
            Instant start = first.plusSeconds(900L * (i / 1_000));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("agentId", agentId);
            data.put("agentName", "Agent " + i % 1_000);
            data.put("intervalStart", start);
            data.put("intervalMinutes", 15);
            data.put("readySeconds", 512);
            data.put("notReadySeconds", 88);
            data.put("idleSeconds", 120);
            data.put("adminSeconds", 60);
            data.put("unmappedSeconds", 0);
            data.put("loggedInSeconds", 780);
            envelopes.add(Envelope.of(RecordType.AGENT_INTERVAL, group, RecordKeys.agentInterval(group, agentId, start),
                    1, TestEnvelopes.PRODUCED_AT, data));
        }
        return envelopes;
    }
}
