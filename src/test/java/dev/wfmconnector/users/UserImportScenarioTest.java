package dev.wfmconnector.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.org.User;
import dev.wfmconnector.store.StoredUser;
import dev.wfmconnector.store.UserSnapshots;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.FileSystemUtils;

/**
 * The user import of the whole application against the Salesforce org simulator (real camel-salesforce client,
 * 10,000 users in pages of 2,000), with only a user-import integration configured: runs started through the
 * management API and the schedule, records consumed from the embedded broker's {@code wfm.user} queue. One Spring
 * context; the methods run in order, each starting from the state the previous one left.
 */
@SpringBootTest(properties = {
        "spring.security.user.name=admin",
        "spring.security.user.password=" + UserImportScenarioTest.API_PASSWORD})
@AutoConfigureMockMvc
@Import(UserImportScenarioTest.Watchers.class)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserImportScenarioTest {

    static final String API_PASSWORD = "users-Test-Pa55";
    static final String CLIENT_ID = "3MVG9-user-import-test";
    static final String CLIENT_SECRET = "ui-S3cret-5a1c0e";
    private static final String GROUP = "emea";
    private static final String COMPONENT = "sf-user-import-" + GROUP;
    private static final String RUNS = "/api/integrations/user-import/" + GROUP + "/runs";
    private static final String SCHEDULE = "0 0 3 1 1 ? 2099";
    private static final int USERS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SalesforceOrgSimulator SIM = simulator();
    private static final Path DATA = tempDir();

    /** Watches the Camel context from outside: the Salesforce operations sent, and a fault before the next queryMore. */
    @TestConfiguration
    static class Watchers {
        @Bean
        SalesforceCalls salesforceCalls() {
            return new SalesforceCalls();
        }
    }

    /** The Salesforce operations the import sends, in order; can fail the next queryMore with a 503. */
    static final class SalesforceCalls extends EventNotifierSupport {
        final List<String> operations = new CopyOnWriteArrayList<>();
        private volatile boolean failNextQueryMore;

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeSendingEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            CamelEvent.ExchangeSendingEvent sending = (CamelEvent.ExchangeSendingEvent) event;
            if (sending.getEndpoint() instanceof SalesforceEndpoint salesforce) {
                String operation = salesforce.getOperationName().value();
                operations.add(operation);
                if (operation.equals("queryMore") && failNextQueryMore) {
                    failNextQueryMore = false;
                    SIM.faults().serverUnavailable(1);
                }
            }
        }
    }

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private SalesforceCalls salesforceCalls;
    @Autowired
    private UserSnapshots snapshots;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private CamelContext camel;
    @Autowired
    private ConnectorSettings settings;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // a list binds from one property source: every connector.user-import[0] property is here
        registry.add("connector.user-import[0].group", () -> GROUP);
        registry.add("connector.user-import[0].oauth-client-id", () -> CLIENT_ID);
        registry.add("connector.user-import[0].oauth-client-secret", () -> CLIENT_SECRET);
        registry.add("connector.user-import[0].oauth-url", SIM::tokenUrl);
        registry.add("connector.user-import[0].api-version", () -> "53.0");
        // far from any test run: runs start through the API, or by firing the schedule's trigger by hand
        registry.add("connector.user-import[0].user-import-schedule", () -> SCHEDULE);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("store") + ";AUTO_SERVER=FALSE");
        registry.add("spring.artemis.embedded.data-directory", () -> DATA.resolve("artemis").toString());
    }

    /** Nothing logged during a test shows the client secret or the org's access token. */
    @AfterEach
    void noSecretLogged(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(CLIENT_SECRET);
        if (camel.getComponent(COMPONENT, false) instanceof SalesforceComponent salesforce
                && salesforce.getSession() != null && salesforce.getSession().getAccessToken() != null) {
            assertThat(output.getAll()).doesNotContain(salesforce.getSession().getAccessToken());
        }
    }

    @AfterAll
    static void closeSimulator() {
        SIM.close();
    }

    @Test
    @Order(1)
    void startsAndRunsWithoutAnyHistoricalIntegration() throws Exception {
        assertThat(settings.historical()).isEmpty();
        assertThat(settings.realtime()).isEmpty();
        awaitRunning();

        JsonNode integrations = json(mvc.perform(asAdmin(get("/api/integrations"))).andReturn());
        assertThat(integrations).hasSize(1);
        assertThat(integrations.get(0).path("type").asText()).isEqualTo("user-import");
        assertThat(integrations.get(0).path("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    @Order(2)
    void theFirstImportRunsAsTheIntegrationStartsAndPublishesEveryUserAcrossSeveralPages() throws Exception {
        Map<String, User> standardUsers = SIM.org().users().stream()
                .filter(u -> u.active() && u.userType().equals("Standard"))
                .collect(Collectors.toMap(User::id, Function.identity()));
        assertThat(standardUsers).hasSize(USERS);
        long firstRun = latestRunId();
        assertThat(firstRun).as("a run queued as the integration started, no import having succeeded").isPositive();

        JsonNode run = awaitFinished(firstRun);

        assertThat(run.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("recordsRead").asLong()).isEqualTo(USERS);
        assertThat(run.path("recordsPublished").asLong()).isEqualTo(USERS);
        assertThat(salesforceCalls.operations).as("the start-up's version check, then the run")
                .containsExactly("getVersions", "query", "queryMore", "queryMore", "queryMore", "queryMore");
        List<JsonNode> records = drainUserRecords();
        assertThat(records).hasSize(USERS);
        assertThat(records).extracting(r -> r.path("data").path("userId").asText()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(standardUsers.keySet());
        assertThat(records).allSatisfy(record -> {
            assertThat(record.path("type").asText()).isEqualTo("user");
            assertThat(record.path("revision").asLong()).isEqualTo(1);
            assertThat(record.path("data").path("change").asText()).isEqualTo("created");
            assertPublishes(record, standardUsers.get(record.path("data").path("userId").asText()));
        });
        assertThat(snapshots.all(GROUP)).hasSize(USERS);
        assertThat(meters.counter("wfm.user.import.users.read", "group", GROUP).count()).isEqualTo(USERS);
        assertThat(published("created")).isEqualTo(USERS);
        for (String operation : List.of("getVersions", "query", "queryMore")) {
            assertThat(meters.counter("wfm.salesforce.api.calls", "integration", "user-import", "group", GROUP,
                    "operation", operation, "outcome", "ok").count()).as(operation)
                    .isEqualTo(salesforceCalls.operations.stream().filter(operation::equals).count());
        }
    }

    @Test
    @Order(3)
    void aSecondImportWithNothingChangedPublishesNone() throws Exception {
        JsonNode run = runToEnd();

        assertThat(run.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("recordsRead").asLong()).isEqualTo(USERS);
        assertThat(run.path("recordsPublished").asLong()).isZero();
        assertThat(drainUserRecords()).isEmpty();
    }

    @Test
    @Order(4)
    void theNextImportPublishesExactlyTheUsersAddedChangedAndDeactivated() throws Exception {
        List<User> added = List.of(SIM.org().addUser("Nadia", "Okafor"), SIM.org().addUser("Tom", "Berg"),
                SIM.org().addUser(User.builder().name("Li", "Wei").federationIdentifier("E-9001")));
        List<User> existing = someUsers(3);
        User renamed = SIM.org().updateUser(existing.get(0).id(), u -> u.lastName("Married-Name"));
        User moved = SIM.org().updateUser(existing.get(1).id(), u -> u.timeZoneSidKey("Asia/Kolkata"));
        User leaver = existing.get(2);
        SIM.org().deactivateUser(leaver.id());
        double createdBefore = published("created");

        JsonNode run = runToEnd();

        assertThat(run.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("recordsRead").asLong()).isEqualTo(USERS + 3 - 1);
        List<JsonNode> records = drainUserRecords();
        assertThat(records).extracting(r -> r.path("data").path("userId").asText(),
                        r -> r.path("data").path("change").asText(), r -> r.path("revision").asLong())
                .containsExactlyInAnyOrder(
                        tuple(added.get(0).id(), "created", 1L),
                        tuple(added.get(1).id(), "created", 1L),
                        tuple(added.get(2).id(), "created", 1L),
                        tuple(renamed.id(), "updated", 2L),
                        tuple(moved.id(), "updated", 2L),
                        tuple(leaver.id(), "deactivated", 2L));
        Map<String, JsonNode> byId = records.stream()
                .collect(Collectors.toMap(r -> r.path("data").path("userId").asText(), r -> r));
        added.forEach(u -> assertPublishes(byId.get(u.id()), u));
        assertPublishes(byId.get(renamed.id()), renamed);
        assertPublishes(byId.get(moved.id()), moved);
        assertThat(byId.get(leaver.id()).path("data").path("active").asBoolean()).isFalse();
        assertThat(byId.get(leaver.id()).path("data").path("lastName").asText()).isEqualTo(leaver.lastName());
        assertThat(published("created") - createdBefore).isEqualTo(3);
    }

    @Test
    @Order(5)
    void aRunFailingOnAPagePublishesNothingAndTheNextRunReportsEveryChangeOnce() throws Exception {
        User added = SIM.org().addUser("Maya", "Haddad");
        List<User> existing = someUsers(2);
        User changed = SIM.org().updateUser(existing.get(0).id(), u -> u.email("new.address@acme-service.example.com"));
        User leaver = existing.get(1);
        SIM.org().deactivateUser(leaver.id());
        Map<String, StoredUser> storedBefore = snapshots.all(GROUP);
        double failedBefore = meters.counter("wfm.user.import.runs.failed", "group", GROUP).count();
        salesforceCalls.failNextQueryMore = true;

        JsonNode failed = runToEnd();

        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).contains("503").contains("SERVER_UNAVAILABLE");
        assertThat(failed.path("recordsRead").asLong()).isEqualTo(2_000);
        assertThat(drainUserRecords()).isEmpty();
        assertThat(snapshots.all(GROUP)).isEqualTo(storedBefore);
        assertThat(meters.counter("wfm.user.import.runs.failed", "group", GROUP).count()).isEqualTo(failedBefore + 1);

        JsonNode next = runToEnd();

        assertThat(next.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(drainUserRecords()).extracting(r -> r.path("data").path("userId").asText(),
                        r -> r.path("data").path("change").asText())
                .containsExactlyInAnyOrder(
                        tuple(added.id(), "created"),
                        tuple(changed.id(), "updated"),
                        tuple(leaver.id(), "deactivated"));

        assertThat(runToEnd().path("recordsPublished").asLong()).isZero();
        assertThat(drainUserRecords()).isEmpty();
    }

    @Test
    @Order(6)
    void theApiQueuesARunBehindTheRunInProgressAndShowsItsState() throws Exception {
        MvcResult firstPost = mvc.perform(asAdmin(post(RUNS))).andReturn();
        MvcResult secondPost = mvc.perform(asAdmin(post(RUNS))).andReturn();

        assertThat(firstPost.getResponse().getStatus()).isEqualTo(202);
        long first = json(firstPost).path("id").asLong();
        long second = json(secondPost).path("id").asLong();
        assertThat(second).isGreaterThan(first);
        assertThat(firstPost.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith(RUNS + "/" + first);
        assertThat(json(mvc.perform(asAdmin(get(RUNS + "/" + second))).andReturn()).path("state").asText())
                .isEqualTo("QUEUED");

        JsonNode firstRun = awaitFinished(first);
        JsonNode secondRun = awaitFinished(second);
        assertThat(firstRun.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(secondRun.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(firstRun.path("kind").asText()).isEqualTo("MANUAL");
        assertThat(firstRun.path("recordsRead").asLong()).isPositive();
        assertThat(Instant.parse(secondRun.path("startedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(firstRun.path("finishedAt").asText()));

        assertThat(mvc.perform(asAdmin(get(RUNS + "/" + (second + 1000)))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(asAdmin(post("/api/integrations/user-import/apac/runs"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(RUNS)).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void aDisabledIntegrationRefusesRunsAndRunsAgainOnceEnabled() throws Exception {
        setStatus("disabled");
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute("user-import-runs-" + GROUP) == null);

        MvcResult refused = mvc.perform(asAdmin(post(RUNS))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(json(refused).path("detail").asText()).contains("DISABLED");

        setStatus("enabled");
        awaitRunning();
        assertThat(runToEnd().path("state").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(8)
    void theScheduleQueuesARun() throws Exception {
        awaitRunning();
        Route schedule = camel.getRoute("user-import-schedule-" + GROUP);
        QuartzEndpoint quartz = (QuartzEndpoint) schedule.getEndpoint();
        assertThat(quartz.getCron()).isEqualTo(SCHEDULE);
        User added = SIM.org().addUser("Sched", "Uled");
        Scheduler scheduler = quartz.getComponent().getScheduler();
        long before = latestRunId();

        scheduler.triggerJob(scheduler.getTrigger(quartz.getTriggerKey()).getJobKey());

        await().atMost(Duration.ofSeconds(30)).until(() -> latestRunId() > before);
        JsonNode run = awaitFinished(latestRunId());
        assertThat(run.path("kind").asText()).isEqualTo("SCHEDULED");
        assertThat(run.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(drainUserRecords()).extracting(r -> r.path("data").path("userId").asText())
                .containsExactly(added.id());
    }

    // ------------------------------------------------------------------ helpers

    /** Starts a run through the API and waits until it finished. */
    private JsonNode runToEnd() throws Exception {
        MvcResult started = mvc.perform(asAdmin(post(RUNS))).andReturn();
        assertThat(started.getResponse().getStatus()).isEqualTo(202);
        return awaitFinished(json(started).path("id").asLong());
    }

    private JsonNode awaitFinished(long runId) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> json(mvc.perform(asAdmin(get(RUNS + "/" + runId))).andReturn()),
                        run -> run.path("state").asText().equals("SUCCEEDED")
                                || run.path("state").asText().equals("FAILED"));
    }

    private long latestRunId() throws Exception {
        JsonNode detail = json(mvc.perform(asAdmin(get("/api/integrations/user-import/" + GROUP))).andReturn());
        JsonNode runs = detail.path("lastRuns");
        return runs.isEmpty() ? 0 : runs.get(0).path("id").asLong();
    }

    private void awaitRunning() {
        await().atMost(Duration.ofSeconds(60)).until(() -> camel.getRoute("user-import-runs-" + GROUP) != null
                && json(mvc.perform(asAdmin(get("/api/integrations/user-import/" + GROUP))).andReturn())
                        .path("state").asText().equals("RUNNING"));
    }

    private void setStatus(String status) throws Exception {
        int answer = mvc.perform(asAdmin(put("/api/integrations/user-import/" + GROUP + "/status"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"" + status + "\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(answer).isEqualTo(200);
    }

    /** Active agents still with their first last name, highest ids first. */
    private static List<User> someUsers(int count) {
        List<User> users = SIM.org().users().stream()
                .filter(u -> u.active() && u.userType().equals("Standard") && u.lastName().startsWith("Agent"))
                .sorted((a, b) -> b.id().compareTo(a.id()))
                .limit(count)
                .toList();
        assertThat(users).hasSize(count);
        return users;
    }

    private double published(String change) {
        return meters.counter("wfm.user.import.users.published", "group", GROUP, "change", change).count();
    }

    /** Every user record on the queue now, consumed. */
    private List<JsonNode> drainUserRecords() throws Exception {
        ConnectionFactory direct = connectionFactory instanceof SingleConnectionFactory shared
                ? shared.getTargetConnectionFactory() : connectionFactory;
        List<JsonNode> records = new ArrayList<>();
        try (Connection connection = direct.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue("wfm.user"));
            for (Message message = consumer.receive(1_000); message != null; message = consumer.receive(500)) {
                records.add(JSON.readTree(((TextMessage) message).getText()));
            }
            session.commit();
        }
        return records;
    }

    private static void assertPublishes(JsonNode record, User user) {
        JsonNode data = record.path("data");
        assertThat(record.path("group").asText()).isEqualTo(GROUP);
        assertThat(record.path("key").asText()).isEqualTo(GROUP + "|user|" + user.id());
        assertThat(data.path("username").asText()).isEqualTo(user.username());
        assertThat(data.path("firstName").asText(null)).isEqualTo(user.firstName());
        assertThat(data.path("lastName").asText()).isEqualTo(user.lastName());
        assertThat(data.path("name").asText()).isEqualTo(user.name());
        assertThat(data.path("email").asText()).isEqualTo(user.email());
        assertThat(data.path("active").asBoolean()).isEqualTo(user.active());
        assertThat(data.path("federationId").asText(null)).isEqualTo(user.federationIdentifier());
        assertThat(data.path("timeZone").asText()).isEqualTo(user.timeZoneSidKey());
    }

    private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + API_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(MvcResult result) throws IOException {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    /** 10,000 active standard users: the org's own (e.g. its integration user) and agents. */
    private static SalesforceOrgSimulator simulator() {
        SalesforceOrgSimulator sim = SalesforceOrgSimulator.builder().client(CLIENT_ID, CLIENT_SECRET).agents(0)
                .build();
        long own = sim.org().users().stream().filter(u -> u.active() && u.userType().equals("Standard")).count();
        for (int i = 1; i <= USERS - own; i++) {
            sim.org().addUser(User.builder().name("Agent" + i, "Agent" + i).federationIdentifier("E" + i)
                    .timeZoneSidKey(i % 2 == 0 ? "Europe/London" : "Europe/Berlin"));
        }
        return sim.start();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("user-import-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
