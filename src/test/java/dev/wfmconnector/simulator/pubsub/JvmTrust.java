package dev.wfmconnector.simulator.pubsub;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * TEST ONLY: makes the JVM's default trust managers trust a TLS {@link PubSubServer} while a client is created.
 * camel-salesforce's gRPC channel uses the default trust managers, which read {@code javax.net.ssl.trustStore}
 * when the channel is built (when the route starts), so the properties point at a trust store holding the server's
 * certificate for that moment only and are then restored; the channel keeps trusting it, reconnects included.
 */
final class JvmTrust {

    private static final String TRUST_STORE = "javax.net.ssl.trustStore";
    private static final String PASSWORD = "javax.net.ssl.trustStorePassword";
    private static final String TYPE = "javax.net.ssl.trustStoreType";

    private JvmTrust() {
    }

    static <T> T trusting(PubSubServer server, Path directory, Callable<T> clientStart) throws Exception {
        Path trustStore = directory.resolve("pubsub-simulator-trust.p12");
        server.writeTrustStore(trustStore, "simulator".toCharArray());
        Map<String, String> previous = new HashMap<>();
        for (String property : new String[] {TRUST_STORE, PASSWORD, TYPE}) {
            previous.put(property, System.getProperty(property));
        }
        System.setProperty(TRUST_STORE, trustStore.toString());
        System.setProperty(PASSWORD, "simulator");
        System.setProperty(TYPE, "PKCS12");
        try {
            return clientStart.call();
        } finally {
            previous.forEach((property, value) -> {
                if (value == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, value);
                }
            });
        }
    }
}
