package dev.wfmconnector.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.ConnectorApplication;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.RunState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Two connector instances ("pods") in one JVM sharing one database, with the leader election the test decides
 * ({@link TestCluster}): whichever pod the management API reaches, a status set or a run asked for reaches the pod
 * that runs the group, and what that pod reports shows on the other, which stays ready.
 */
class SeveralPodsTest {

    private static final String CLIENT_ID = "3MVG9-several-pods";
    private static final String CLIENT_SECRET = "pods-S3cret-0c1d";
    private static final String PASSWORD = "pods-Test-Pa55";
    private static final String LEASE = "wfm-emea";
    private static final String SCHEDULE_ROUTE = "historical-schedule-emea";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SalesforceOrgSimulator sim;
    private static Path directory;
    private static final TestCluster CLUSTER = new TestCluster();
    private static final List<ConfigurableApplicationContext> PODS = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sim = SalesforceOrgSimulator.builder().client(CLIENT_ID, CLIENT_SECRET).agents(10).build().start();
        directory = Files.createTempDirectory("several-pods");
        CLUSTER.lead(LEASE, "pod-0");
        for (int pod = 0; pod < 2; pod++) {
            PODS.add(startPod(pod));
        }
    }

    @AfterAll
    static void stop() {
        PODS.forEach(ConfigurableApplicationContext::close);
        sim.close();
        FileSystemUtils.deleteRecursively(directory.toFile());
    }

    private static ConfigurableApplicationContext startPod(int pod) {
        String name = "pod-" + pod;
        TestCluster.Service cluster = CLUSTER.service(name);
        return new SpringApplicationBuilder(ConnectorApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testCluster", cluster))
                .run("--server.port=0",
                        "--camel.main.name=" + name,
                        "--spring.security.user.name=admin",
                        "--spring.security.user.password=" + PASSWORD,
                        "--spring.datasource.url=jdbc:h2:mem:several-pods;DB_CLOSE_DELAY=-1",
                        "--spring.artemis.embedded.data-directory=" + directory.resolve(name),
                        "--connector.defaults.schedule=0 0 0 1 1 ? 2099",
                        "--connector.runtime.shared-state-refresh=PT0.2S",
                        "--connector.runtime.initial-retry=PT1S",
                        "--logging.level.org.apache.camel.component.salesforce=WARN",
                        "--connector.historical[0].group=emea",
                        "--connector.historical[0].oauth-client-id=" + CLIENT_ID,
                        "--connector.historical[0].oauth-client-secret=" + CLIENT_SECRET,
                        "--connector.historical[0].oauth-url=" + sim.tokenUrl(),
                        "--connector.historical[0].api-version=53.0",
                        "--connector.historical[0].admin-time-activities=Admin; Email",
                        "--connector.historical[0].idle-time-activities=Idle",
                        "--connector.historical[0].not-ready-activities=Not ready; Training",
                        "--connector.historical[0].ready-time-activities=Ready; On call");
    }

    @Test
    void whicheverPodIsAskedThePodThatRunsTheGroupDoesIt() throws Exception {
        ConfigurableApplicationContext leader = PODS.get(0);
        ConfigurableApplicationContext other = PODS.get(1);
        RunLog runLog = leader.getBean(RunLog.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> runsHere(leader) && !runsHere(other)
                && !runLog.latest(IntegrationType.HISTORICAL, "emea", 1).isEmpty()
                && runLog.latest(IntegrationType.HISTORICAL, "emea", 1).get(0).state() == RunState.SUCCEEDED);
        assertThat(state(other).path("state").asText()).isEqualTo("RUNNING");

        // disabled through the other pod: the leader stops it
        assertThat(send(other, "PUT", "/api/integrations/historical/emea/status", "{\"status\":\"disabled\"}")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !runsHere(leader));
        assertThat(state(leader).path("state").asText()).isEqualTo("DISABLED");

        // enabled through the other pod while a describe fails: the leader's FAILED (and its reason) shows there,
        // the other pod stays ready, and the leader's retry brings it back
        sim.faults().serverUnavailable(1, "/sobjects/AgentWork/describe");
        send(other, "PUT", "/api/integrations/historical/emea/status", "{\"status\":\"enabled\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> state(other).path("state").asText().equals("FAILED"));
        assertThat(state(other).path("reason").asText()).contains("describing AgentWork failed");
        assertThat(send(other, "GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> runsHere(leader)
                && state(other).path("state").asText().equals("RUNNING"));

        // a run asked for on the other pod is run by the leader
        long run = runAskedThrough(other);
        await().atMost(Duration.ofSeconds(60)).until(() -> runLog.find(run).orElseThrow().state() == RunState.SUCCEEDED);

        // the lease changes hands: the group moves, and a run asked for on the old leader is run by the new one
        CLUSTER.lead(LEASE, "pod-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> runsHere(other) && !runsHere(leader));
        long moved = runAskedThrough(leader);
        await().atMost(Duration.ofSeconds(60)).until(() -> runLog.find(moved).orElseThrow().state() == RunState.SUCCEEDED);
    }

    private static boolean runsHere(ConfigurableApplicationContext pod) {
        return pod.getBean(CamelContext.class).getRoute(SCHEDULE_ROUTE) != null;
    }

    private JsonNode state(ConfigurableApplicationContext pod) throws Exception {
        return JSON.readTree(send(pod, "GET", "/api/integrations/historical/emea", null).body());
    }

    private long runAskedThrough(ConfigurableApplicationContext pod) throws Exception {
        HttpResponse<String> answer = send(pod, "POST", "/api/integrations/historical/emea/runs", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).path("id").asLong();
    }

    private HttpResponse<String> send(ConfigurableApplicationContext pod, String method, String path, String json)
            throws Exception {
        String port = pod.getEnvironment().getProperty("local.server.port");
        String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
