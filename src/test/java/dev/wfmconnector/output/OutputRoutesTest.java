package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.config.OutputSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** routes/outputs.camel.yaml on a bare Camel context, with recording outputs: what flows where. */
class OutputRoutesTest {
    private final RecordingJms jms = new RecordingJms();
    private final RecordingHttp http = new RecordingHttp();
    private CamelContext camel;

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void everyEnabledOutputTakesTheEnvelopes() throws Exception {
        start(settings(true, "http://wfm.example.com/in"));
        List<Envelope> envelopes = List.of(TestEnvelopes.queueInterval("g", "Q", 0), TestEnvelopes.agent("g", "A"),
                TestEnvelopes.queueInterval("g", "Q", 1));

        camel.createProducerTemplate().sendBody("direct:publish", envelopes);

        assertThat(jms.sent).containsExactly(envelopes);
        assertThat(http.delivered).containsExactly(
                new HttpBatch("queue-interval", List.of(envelopes.get(0), envelopes.get(2))),
                new HttpBatch("agent", List.of(envelopes.get(1))));
    }

    @Test
    void disabledOutputsTakeNothing() throws Exception {
        start(settings(false, null));

        camel.createProducerTemplate().sendBody("direct:publish", List.of(TestEnvelopes.agent("g", "A")));

        assertThat(jms.sent).isEmpty();
        assertThat(http.delivered).isEmpty();
    }

    @Test
    void aFailingOutputFailsThePublishAndStopsIt() throws Exception {
        start(settings(true, "http://wfm.example.com/in"));
        jms.failure = new IllegalStateException("broker gone");

        assertThatThrownBy(() -> camel.createProducerTemplate().sendBody("direct:publish", List.of(TestEnvelopes.agent("g", "A"))))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("broker gone");
        assertThat(http.delivered).isEmpty();
    }

    private void start(OutputSettings settings) throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("outputSettings", settings);
        camel.getRegistry().bind("jmsOutput", jms);
        camel.getRegistry().bind("httpBatches", new HttpBatches());
        camel.getRegistry().bind("httpDelivery", http);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/outputs.camel.yaml"));
        camel.start();
    }

    private static OutputSettings settings(boolean jmsEnabled, String httpUrl) {
        return new OutputSettings(jmsEnabled, "wfm.", httpUrl, 8, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    /** Stands in for {@link JmsOutput}. */
    public static class RecordingJms {
        final List<List<Envelope>> sent = new ArrayList<>();
        RuntimeException failure;

        public void send(List<Envelope> envelopes) {
            if (failure != null) {
                throw failure;
            }
            sent.add(envelopes);
        }
    }

    /** Stands in for {@link HttpDelivery}. */
    public static class RecordingHttp {
        final List<HttpBatch> delivered = new ArrayList<>();

        public void deliver(HttpBatch batch) {
            delivered.add(batch);
        }
    }
}
