package dev.wfmconnector.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Salesforce org simulator standalone on loopback until interrupted:
 * <pre>
 * java -cp ... dev.wfmconnector.simulator.SimulatorMain --client-id=ID --client-secret=SECRET
 *      [--port=0] [--seed=42] [--agents=50] [--history=P1D] [--live=true] [--page-size=2000]
 *      [--api-versions=31.0-62.0] [--token-ttl=PT2H]
 * </pre>
 * The client id and secret may also come from {@code SF_SIM_CLIENT_ID} and {@code SF_SIM_CLIENT_SECRET}.
 * It prints where it listens; it never prints the secret or a token.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
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
                .build()
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("Salesforce org simulator (org " + simulator.orgId() + ")");
        System.out.println("  login and instance URL: " + simulator.baseUrl());
        System.out.println("  token URL:              " + simulator.tokenUrl());
        System.out.println("  login.salesforce.com-like host (refuses client credentials): "
                + simulator.loginDomainUrl());
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
