package dev.wfmconnector.simulator.pubsub;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * TEST ONLY: makes the JVM's default trust managers trust a TLS {@link PubSubServer}, and restores the JVM's
 * trust-store properties afterwards. camel-salesforce's gRPC channel uses the default trust managers, which read
 * {@code javax.net.ssl.trustStore} when the channel is built (when the route starts); the channel keeps trusting the
 * server after the properties are restored, reconnects included.
 */
public final class JvmTrust implements AutoCloseable {

    private static final String TRUST_STORE = "javax.net.ssl.trustStore";
    private static final String PASSWORD = "javax.net.ssl.trustStorePassword";
    private static final String TYPE = "javax.net.ssl.trustStoreType";

    private final Map<String, String> previous = new HashMap<>();

    private JvmTrust() {
        for (String property : new String[] {TRUST_STORE, PASSWORD, TYPE}) {
            previous.put(property, System.getProperty(property));
        }
    }

    /** Remembers the JVM's trust-store properties as they are now; {@link #close()} puts them back. */
    public static JvmTrust remember() {
        return new JvmTrust();
    }

    /** Points the trust-store properties at {@code trustStore}, written with the server's certificate. */
    public JvmTrust trust(PubSubServer server, Path trustStore) {
        server.writeTrustStore(trustStore, "simulator".toCharArray());
        System.setProperty(TRUST_STORE, trustStore.toString());
        System.setProperty(PASSWORD, "simulator");
        System.setProperty(TYPE, "PKCS12");
        return this;
    }

    /** Trusts the server while {@code clientStart} creates a client. */
    static <T> T trusting(PubSubServer server, Path directory, Callable<T> clientStart) throws Exception {
        try (JvmTrust ignored = remember().trust(server, directory.resolve("pubsub-simulator-trust.p12"))) {
            return clientStart.call();
        }
    }

    /** Restores the trust-store properties remembered. */
    @Override
    public void close() {
        previous.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }
}
