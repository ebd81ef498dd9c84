package dev.wfmconnector.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.ConnectorApplication;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.pubsub.JvmTrust;
import dev.wfmconnector.simulator.pubsub.PubSubServer;
import dev.wfmconnector.status.IntegrationState;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.store.RealtimeGates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.util.FileSystemUtils;

/** The README's first command: the demo profile, its in-process org, one group with all three integrations. */
class DemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The demo points the JVM's trust store at its simulator's certificate; put back after the test. */
    private JvmTrust jvmTrust;
    private Path directory;
    private ConfigurableApplicationContext demo;

    @BeforeEach
    void rememberTheTrustStore() throws Exception {
        jvmTrust = JvmTrust.remember();
        directory = Files.createTempDirectory("demo");
    }

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
        jvmTrust.close();
        FileSystemUtils.deleteRecursively(directory.toFile());
    }

    @Test
    void theDemoBackfillsADayOpensTheRealtimeGateAndStreamsAgentStates() throws Exception {
        demo = new SpringApplicationBuilder(ConnectorApplication.class).run(
                "--spring.profiles.active=demo",
                "--server.port=0",
                "--demo.simulator.agents=20",
                "--demo.data-directory=" + directory,
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("connector") + ";AUTO_SERVER=FALSE",
                "--spring.artemis.embedded.data-directory=" + directory.resolve("artemis"));
        IntegrationStates states = demo.getBean(IntegrationStates.class);

        await().atMost(Duration.ofSeconds(90)).until(() ->
                states.get(IntegrationType.HISTORICAL, "demo").state() == IntegrationState.RUNNING
                        && states.get(IntegrationType.REALTIME, "demo").state() == IntegrationState.RUNNING
                        && states.get(IntegrationType.USER_IMPORT, "demo").state() == IntegrationState.RUNNING
                        && published("queue-interval") > 0 && published("user") > 0);
        assertThat(demo.getBean(RealtimeGates.class).isOpen("demo")).isTrue();
        assertThat(published("agent-interval")).isPositive();
        assertThat(published("agent-queue-interval")).isPositive();
        assertThat(published("agent")).isPositive();

        // the live scenario publishes as its agents change presence (seldom at night): publish one now
        SalesforceOrgSimulator org = demo.getBean(SalesforceOrgSimulator.class);
        String agent = org.scenario().agentIds().get(0);
        JmsTemplate jms = new JmsTemplate(demo.getBean(ConnectionFactory.class));
        jms.setReceiveTimeout(200);
        PubSubServer pubSub = demo.getBean(PubSubServer.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> pubSub.openStreams() > 0);  // subscribed at LATEST
        byte[] replayId = pubSub.publish(org.platformEventTopic(),
                Map.of("UserId__c", agent, "StatusName__c", "Training", "StatusStartDate__c", Instant.now()));
        String expectedReplayId = Base64.getEncoder().encodeToString(replayId);

        List<String> seen = new ArrayList<>();
        JsonNode state = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (state == null && System.nanoTime() < deadline) {
            if (jms.receive("wfm.agent-state") instanceof TextMessage message) {
                seen.add(message.getText());
                JsonNode data = JSON.readTree(message.getText()).path("data");
                state = data.path("replayId").asText().equals(expectedReplayId) ? data : null;
            }
        }
        assertThat(state).as("the agent state of replay id %s among %s", expectedReplayId, seen).isNotNull();
        assertThat(state.path("agentId").asText()).isEqualTo(agent);
        assertThat(state.path("activity").asText()).isEqualTo("Training");
        assertThat(state.path("category").asText()).isEqualTo("NOT_READY");
    }

    private long published(String type) {
        return (long) demo.getBean(MeterRegistry.class).find("wfm.records.published").tag("output", "jms")
                .tag("type", type).counters().stream().mapToDouble(Counter::count).sum();
    }
}
