package dev.wfmconnector.simulator.pubsub;

import dev.wfmconnector.simulator.MutableClock;

import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.ReplayPreset;
import dev.wfmconnector.simulator.auth.AccessTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.wfmconnector.simulator.pubsub.PlatformEventSchemas.AGENT_STATE_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The server through the real camel-salesforce 4.17 Pub/Sub consumer, over plaintext HTTP/2. */
class PubSubServerCamelTest {

    private static final String USER = "005000000000042AAA";

    private final MutableClock clock = new MutableClock(Instant.now());
    private final AccessTokens tokens = new AccessTokens("00D000000000001EAA", Duration.ofHours(2), clock);
    private final WireTap wire = new WireTap();
    private final List<String> published = new ArrayList<>();
    private PubSubServer server;
    private TokenEndpointFixture login;
    private CamelSubscriber subscriber;

    @BeforeEach
    void start() throws Exception {
        server = PubSubServer.builder(tokens).plaintext().clock(clock).interceptor(wire).start();
        login = new TokenEndpointFixture(tokens);
    }

    @AfterEach
    void stop() {
        if (subscriber != null) {
            subscriber.close();
        }
        server.close();
        login.close();
    }

    @Test
    void avroEventsArriveInOrderWithTheirReplayIds() throws Exception {
        subscribe("replayPreset=LATEST");

        publish(20);

        List<CamelSubscriber.Received> received = subscriber.awaitReceived(20);
        assertThat(received).extracting(CamelSubscriber.Received::replayId).containsExactlyElementsOf(published);
        assertThat(received).extracting(CamelSubscriber.Received::status)
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "Status " + i).toList());
        CamelSubscriber.Received first = received.get(0);
        assertThat(first.event().getSchema()).isEqualTo(PlatformEventSchemas.AGENT_STATE);
        assertThat(first.event().get("UserId__c")).hasToString(USER);
        assertThat(first.event().get("CreatedById")).hasToString(PubSubServer.DEFAULT_CREATED_BY_ID);
        assertThat(first.event().get("CreatedDate")).isEqualTo(clock.instant().toEpochMilli());
        assertThat(first.event().get("StatusStartDate__c")).isEqualTo(clock.instant().minusSeconds(5).toEpochMilli());
    }

    @Test
    void customReplayFromAStoredReplayIdReceivesExactlyTheLaterEvents() throws Exception {
        publish(10);
        String stored = published.get(4);

        // a base64 replay id may hold "+" and "/": RAW() keeps it intact in the endpoint URI
        subscribe("replayPreset=CUSTOM&pubSubReplayId=RAW(" + stored + ")");
        subscriber.awaitReceived(5);
        publish(1);

        assertThat(subscriber.awaitReceived(6)).extracting(CamelSubscriber.Received::replayId)
                .containsExactlyElementsOf(published.subList(5, 11));
        assertThat(wire.streams().get(0).first().getReplayPreset()).isEqualTo(ReplayPreset.CUSTOM);
    }

    @Test
    void expiredTokensLeadToReLoginAndResubscriptionWithNoEventLost() throws Exception {
        subscribe("replayPreset=LATEST");
        publish(3);
        subscriber.awaitReceived(3);

        tokens.expireAll();
        publish(3);

        assertThat(subscriber.awaitReceived(6)).extracting(CamelSubscriber.Received::replayId).containsExactlyElementsOf(published);
        assertThat(login.logins()).isEqualTo(2);
        WireTap.Stream resumed = wire.streams().get(1);
        assertThat(resumed.first().getReplayPreset()).isEqualTo(ReplayPreset.CUSTOM);
        assertThat(base64(resumed.first().getReplayId().toByteArray())).isEqualTo(published.get(2));
    }

    @Test
    void droppedStreamsAreResubscribedByTheClientWhichGetsWhatItMissed() throws Exception {
        subscribe("replayPreset=LATEST&backoffIncrement=500");
        publish(2);
        subscriber.awaitReceived(2);

        server.dropAllStreams();
        publish(3);
        assertThat(server.openStreams()).as("published while the client was away").isZero();

        assertThat(subscriber.awaitReceived(5)).extracting(CamelSubscriber.Received::replayId).containsExactlyElementsOf(published);
        assertThat(base64(wire.streams().get(1).first().getReplayId().toByteArray())).isEqualTo(published.get(1));
    }

    @Test
    void aCorruptedReplayIdErrorReachesTheRouteAndTheNextSubscribeWorks() throws Exception {
        server.failNextSubscribeWithCorruptedReplayId();
        subscribe("replayPreset=LATEST");

        await().atMost(Duration.ofSeconds(20)).until(() -> !subscriber.refusedReplayIds().isEmpty());
        awaitSubscriptions(2);
        publish(2);

        assertThat(subscriber.awaitReceived(2)).extracting(CamelSubscriber.Received::replayId).containsExactlyElementsOf(published);
        assertThat(subscriber.refusedReplayIds()).hasSize(1);
    }

    @Test
    void aReplayIdOlderThanTheRetentionIsRefused() throws Exception {
        publish(2);
        clock.advance(Duration.ofHours(73));
        publish(1);

        subscribe("replayPreset=CUSTOM&pubSubReplayId=RAW(" + published.get(1) + ")");

        await().atMost(Duration.ofSeconds(20)).until(() -> !subscriber.refusedReplayIds().isEmpty());
        assertThat(subscriber.refusedReplayIds().get(0).getReplayId()).isEqualTo(published.get(1));
        assertThat(subscriber.received()).isEmpty();
    }

    @Test
    void deliveriesNeverExceedWhatTheClientRequested() throws Exception {
        subscribe("replayPreset=LATEST&pubSubBatchSize=5", Duration.ofMillis(10));
        publish(40);

        assertThat(subscriber.awaitReceived(40)).extracting(CamelSubscriber.Received::replayId).containsExactlyElementsOf(published);
        WireTap.Stream stream = wire.streams().get(0);
        assertThat(stream.violations()).isEmpty();
        assertThat(stream.responses()).extracting(FetchResponse::getEventsCount).allMatch(count -> count <= 5);
        assertThat(stream.responses()).extracting(FetchResponse::getEventsCount).contains(5);
    }

    @Test
    void aBatchSizeAboveOneHundredIsServedAsOneHundred() throws Exception {
        publish(250);

        subscribe("replayPreset=EARLIEST&pubSubBatchSize=150");

        assertThat(subscriber.awaitReceived(250)).extracting(CamelSubscriber.Received::replayId).containsExactlyElementsOf(published);
        WireTap.Stream stream = wire.streams().get(0);
        assertThat(stream.first().getNumRequested()).isEqualTo(150);
        assertThat(stream.violations()).isEmpty();
        assertThat(stream.responses()).extracting(FetchResponse::getEventsCount).allMatch(count -> count <= 100).contains(100);
        assertThat(stream.responses()).extracting(FetchResponse::getPendingNumRequested).allMatch(pending -> pending <= 100);
    }

    private void subscribe(String options) throws Exception {
        subscribe(options, Duration.ZERO);
    }

    private void subscribe(String options, Duration processingTime) throws Exception {
        int before = wire.streams().size();
        subscriber = new CamelSubscriber(server, login, AGENT_STATE_TOPIC, options, processingTime);
        awaitSubscriptions(before + 1);
    }

    private void awaitSubscriptions(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> wire.streams().size() >= count);
    }

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            byte[] replayId = server.publish(AGENT_STATE_TOPIC, Map.of("UserId__c", USER,
                    "StatusName__c", "Status " + published.size(), "StatusStartDate__c", clock.instant().minusSeconds(5)));
            published.add(base64(replayId));
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
