package dev.wfmconnector.realtime;

import static dev.wfmconnector.realtime.SimulatedSalesforce.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wfmconnector.integration.RealtimeGateOpened;
import dev.wfmconnector.realtime.AgentStateMessages.Received;
import dev.wfmconnector.realtime.SimulatedSalesforce.Published;
import dev.wfmconnector.store.RealtimeGates;
import dev.wfmconnector.store.ReplayCheckpoint;
import dev.wfmconnector.store.ReplayCheckpoints;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A quiet topic: the first subscription starts at LATEST and no event comes, only keep-alives. Their
 * {@code latest_replay_id} becomes the checkpoint, so what is published while the connector is down is delivered
 * when it starts again, although it never published an event before.
 */
class KeepAliveCheckpointTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path directory;
    private SimulatedSalesforce salesforce;
    private ConfigurableApplicationContext application;
    private AgentStateMessages messages;

    @BeforeEach
    void start() throws IOException {
        directory = Files.createTempDirectory("keep-alive-checkpoint");
        salesforce = SimulatedSalesforce.scripted(3, directory);
    }

    @AfterEach
    void stop() {
        stopApplication();
        salesforce.close();
        FileSystemUtils.deleteRecursively(directory.toFile());
    }

    @Test
    void aKeepAliveCheckpointsAQuietTopicSoEventsPublishedWhileStoppedArriveOnRestart() {
        List<String> agents = salesforce.org().scenario().agentIds();
        publish(agents, 3);  // before the first subscription: not the connector's to deliver
        String latestBeforeSubscribing = salesforce.published().get(2).replayId();

        startApplication();
        application.getBean(RealtimeGates.class).open(GROUP, 1, Instant.now());
        application.publishEvent(new RealtimeGateOpened(GROUP));
        await().atMost(WAIT).until(() -> checkpoint().isPresent());
        assertThat(checkpoint().orElseThrow().replayIdBase64())
                .as("the keep-alive's latest_replay_id, with no event published")
                .isEqualTo(latestBeforeSubscribing);
        assertThat(messages.received()).isEmpty();

        stopApplication();
        List<String> whileStopped = publish(agents, 4);

        startApplication();
        await().atMost(WAIT).until(() -> messages.received().size() >= whileStopped.size());
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> messages.received().size() == whileStopped.size());
        assertThat(messages.received()).extracting(Received::replayId).containsExactlyElementsOf(whileStopped);
    }

    /** Publishes {@code count} agent-state events; returns their replay ids. */
    private List<String> publish(List<String> agents, int count) {
        int before = salesforce.published().size();
        for (int i = 0; i < count; i++) {
            salesforce.publish(Map.of("UserId__c", agents.get(i % agents.size()), "StatusName__c", "Ready",
                    "StatusStartDate__c", Instant.now()));
        }
        return salesforce.published().stream().skip(before).map(Published::replayId).toList();
    }

    private Optional<ReplayCheckpoint> checkpoint() {
        return application.getBean(ReplayCheckpoints.class).find(GROUP, "/event/" + SimulatedSalesforce.TOPIC);
    }

    private void startApplication() {
        application = salesforce.startConnector(directory, Map.of());
        messages = new AgentStateMessages(application.getBean(ConnectionFactory.class));
    }

    private void stopApplication() {
        if (messages != null) {
            messages.close();
            messages = null;
        }
        if (application != null) {
            application.close();
            application = null;
        }
    }
}
