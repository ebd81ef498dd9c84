package dev.wfmconnector.simulator.pubsub;

import dev.wfmconnector.simulator.auth.AccessTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.wfmconnector.simulator.pubsub.PlatformEventSchemas.AGENT_STATE_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: the real camel-salesforce consumer over TLS, trusting the server's self-signed certificate
 * through the JVM's default trust store ({@link JvmTrust}).
 */
class PubSubServerTlsTest {

    private static final AccessTokens tokens = new AccessTokens("00D000000000001EAA", Duration.ofHours(2), Clock.systemUTC());
    private static PubSubServer server;
    private static TokenEndpointFixture login;
    private static CamelSubscriber subscriber;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        server = PubSubServer.builder(tokens).start();
        login = new TokenEndpointFixture(tokens);
        subscriber = JvmTrust.trusting(server, dir,
                () -> new CamelSubscriber(server, login, AGENT_STATE_TOPIC, "replayPreset=EARLIEST", Duration.ZERO));
    }
    @AfterAll
    static void stop() {
        subscriber.close();
        server.close();
        login.close();
    }

    @Test
    void theConsumerReceivesEventsOverTlsAndResumesAfterADrop() {
        assertThat(server.isTls()).isTrue();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(Base64.getEncoder().encodeToString(server.publish(AGENT_STATE_TOPIC,
                    Map.of("UserId__c", "005000000000042AAA", "StatusName__c", "Ready"))));
        }
        subscriber.awaitReceived(5);

        server.dropAllStreams();
        for (int i = 0; i < 3; i++) {
            published.add(Base64.getEncoder().encodeToString(server.publish(AGENT_STATE_TOPIC,
                    Map.of("UserId__c", "005000000000042AAA", "StatusName__c", "Offline"))));
        }

        assertThat(subscriber.awaitReceived(8)).extracting(CamelSubscriber.Received::replayId).containsExactlyElementsOf(published);
    }
}
