package dev.wfmconnector.simulator;

import dev.wfmconnector.simulator.pubsub.PubSubServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Salesforce org simulator standalone on loopback until interrupted:
 * <pre>
 * java -cp ... dev.wfmconnector.simulator.SimulatorMain --client-id=ID --client-secret=SECRET
 *      [--port=0] [--seed=42] [--agents=50] [--history=P1D] [--live=true] [--page-size=2000]
 *      [--api-versions=31.0-62.0] [--token-ttl=PT2H] [--pubsub-port=0] [--pubsub-tls=true]
 *      [--trust-store=./data/simulator-trust.p12]
 * </pre>
 * With TLS (the default) the Pub/Sub API's self-signed certificate is written to the trust store (password
 * {@code simulator}); a client JVM trusts it with {@code -Djavax.net.ssl.trustStore=...}.
 * The client id and secret may also come from {@code SF_SIM_CLIENT_ID} and {@code SF_SIM_CLIENT_SECRET}.
 * It prints where it listens; it never prints the secret or a token.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("Arguments look like --name=value; not understood: " + arg);
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String clientId = option(options, "client-id", "SF_SIM_CLIENT_ID");
        String clientSecret = option(options, "client-secret", "SF_SIM_CLIENT_SECRET");
        if (clientId == null || clientSecret == null) {
            System.err.println("Give the OAuth client: --client-id and --client-secret "
                    + "(or SF_SIM_CLIENT_ID and SF_SIM_CLIENT_SECRET)");
            System.exit(2);
        }
        String[] versions = options.getOrDefault("api-versions", "31.0-62.0").split("-");
        SalesforceOrgSimulator simulator = SalesforceOrgSimulator.builder()
                .client(clientId, clientSecret)
                .port(Integer.parseInt(options.getOrDefault("port", "0")))
                .seed(Long.parseLong(options.getOrDefault("seed", "42")))
                .agents(Integer.parseInt(options.getOrDefault("agents", "50")))
                .history(Duration.parse(options.getOrDefault("history", "P1D")))
                .live(Boolean.parseBoolean(options.getOrDefault("live", "true")))
                .pageSize(Integer.parseInt(options.getOrDefault("page-size", "2000")))
                .apiVersions(versions[0], versions[versions.length - 1])
                .tokenTimeToLive(Duration.parse(options.getOrDefault("token-ttl", "PT2H")))
                .loginDomainHost(true)
                .build();
        boolean tls = Boolean.parseBoolean(options.getOrDefault("pubsub-tls", "true"));
        PubSubServer.Builder pubSubBuilder =
                PubSubServer.builder(simulator.accessTokens())
                        .port(Integer.parseInt(options.getOrDefault("pubsub-port", "0")));
        PubSubServer pubSub = (tls ? pubSubBuilder : pubSubBuilder.plaintext()).start();
        simulator.connectPubSub(pubSub, pubSub);
        simulator.start();
        Path trustStore = Path.of(options.getOrDefault("trust-store", "./data/simulator-trust.p12"));
        if (tls) {
            Files.createDirectories(trustStore.toAbsolutePath().getParent());
            pubSub.writeTrustStore(trustStore, "simulator".toCharArray());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pubSub.close();
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("Salesforce org simulator (org " + simulator.orgId() + ")");
        System.out.println("  login and instance URL: " + simulator.baseUrl());
        System.out.println("  token URL:              " + simulator.tokenUrl());
        System.out.println("  login.salesforce.com-like host (refuses client credentials): "
                + simulator.loginDomainUrl());
        System.out.println("  Pub/Sub API:            localhost:" + pubSub.port() + (tls ? " (TLS; trust store " + trustStore
                + ", password simulator)" : " (plaintext)"));
        System.out.println("  OAuth client id:        " + clientId + " (secret as given, not shown)");
        System.out.println("  admin API:              " + simulator.baseUrl() + "/__admin/org, /__admin/faults/...");
        System.out.println("  agents: " + simulator.scenario().agentIds().size() + ", scenario time: "
                + simulator.scenario().now());
        stopped.await();
    }

    private static String option(Map<String, String> options, String name, String environment) {
        String value = options.get(name);
        return value != null ? value : System.getenv(environment);
    }
}
