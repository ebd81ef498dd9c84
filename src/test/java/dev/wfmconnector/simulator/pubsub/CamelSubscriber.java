package dev.wfmconnector.simulator.pubsub;

import org.apache.avro.generic.GenericRecord;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.InvalidReplayIdException;
import org.apache.camel.component.salesforce.PubSubApiConsumer;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.impl.DefaultCamelContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * TEST ONLY: the real camel-salesforce {@code pubSubSubscribe} consumer, configured in Java as the connector will be
 * (client credentials against the token endpoint, Pub/Sub host and port of the simulator), in a CamelContext of its
 * own. Collects the events it receives and the invalid-replay-id errors bridged to the route's error handler.
 */
final class CamelSubscriber implements AutoCloseable {

    static final String ROUTE = "pubsub-subscriber";

    /** One event as the route saw it: the replay id header (base64) and the Avro record. */
    record Received(String replayId, GenericRecord event) {
        String status() {
            return String.valueOf(event.get("StatusName__c"));
        }
    }

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<InvalidReplayIdException> refusedReplayIds = new CopyOnWriteArrayList<>();

    /**
     * Starts a consumer of {@code topic} with extra endpoint {@code options} (e.g. {@code replayPreset=EARLIEST});
     * each event takes {@code processingTime} to process. Plaintext unless the server runs TLS.
     */
    CamelSubscriber(PubSubServer server, TokenEndpointFixture login, String topic, String options, Duration processingTime)
            throws Exception {
        SalesforceComponent salesforce = new SalesforceComponent();
        salesforce.setLoginUrl(login.url());
        salesforce.setClientId("simulator-client");
        salesforce.setClientSecret("simulator-secret");
        salesforce.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
        salesforce.setPubSubHost("localhost");
        salesforce.setPubSubPort(server.port());
        salesforce.setPubsubAllowUseSystemProxy(false);
        context.addComponent("salesforce", salesforce);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(InvalidReplayIdException.class).handled(true)
                        .process(exchange -> refusedReplayIds.add(exchange.getProperty(
                                Exchange.EXCEPTION_CAUGHT, InvalidReplayIdException.class)));
                String backoff = options.contains("backoffIncrement") ? "" : "&backoffIncrement=200";
                from("salesforce:pubSubSubscribe:" + topic + "?bridgeErrorHandler=true" + backoff + "&" + options)
                        .routeId(ROUTE).autoStartup(false)
                        .process(exchange -> {
                            Thread.sleep(processingTime.toMillis());
                            received.add(new Received(exchange.getMessage().getHeader("CamelSalesforcePubSubReplayId", String.class),
                                    exchange.getMessage().getBody(GenericRecord.class)));
                        });
            }
        });
        context.start();
        ((PubSubApiConsumer) context.getRoute(ROUTE).getConsumer()).setUsePlainTextConnection(!server.isTls());
        context.getRouteController().startRoute(ROUTE);
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    int receivedCount() {
        return received.size();
    }

    List<InvalidReplayIdException> refusedReplayIds() {
        return List.copyOf(refusedReplayIds);
    }

    /** Waits until at least {@code count} events arrived and returns all received so far. */
    List<Received> awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedCount() >= count);
        return received();
    }

    @Override
    public void close() {
        context.stop();
    }
}
