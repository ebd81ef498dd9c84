package dev.wfmconnector.simulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wfmconnector.simulator.MutableClock;
import dev.wfmconnector.simulator.pubsub.PubSubFaults;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.org.User;
import dev.wfmconnector.simulator.org.UserServicePresence;
import dev.wfmconnector.simulator.rest.SimulatorHttp.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST API as a plain HTTP client sees it: versions, describe, query paging and cursors, errors and faults. */
class RestQueryTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private static final String ALL_PRESENCE = "SELECT Id, ServicePresenceStatus.MasterLabel, StatusEndDate "
            + "FROM UserServicePresence ORDER BY StatusStartDate";

    private static SalesforceOrgSimulator sim;
    private static SimulatorHttp http;
    private static User agent;
    private static final List<String> PRESENCE_IDS = new ArrayList<>();
    private String token;

    @BeforeAll
    static void start() {
        sim = SalesforceOrgSimulator.builder().client("app", "secret").agents(0).clock(CLOCK).pageSize(250)
                .apiVersions("31.0", "62.0").build().start();
        http = new SimulatorHttp(sim.baseUrl());
        agent = sim.org().addUser("Dana", "Delgado");
        String[] statuses = {"Ready", "Not ready", "Lunch"};
        for (int i = 0; i < 600; i++) {
            Instant start = T0.plusSeconds(10L * i);
            PRESENCE_IDS.add(sim.org().addPresence(agent.id(), statuses[i % 3], start, start.plusSeconds(10)).id());
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void login() {
        token = http.login("app", "secret");
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    void listsVersionsWithoutAToken() {
        Answer answer = http.get("/services/data/", null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode versions = answer.json();
        assertThat(versions).hasSize(32);
        assertThat(versions.get(0).toString())
                .isEqualTo("{\"label\":\"Summer '14\",\"url\":\"/services/data/v31.0\",\"version\":\"31.0\"}");
        assertThat(versions.get(22).get("label").asText()).isEqualTo("Winter '22");
        assertThat(versions.get(22).get("version").asText()).isEqualTo("53.0");
        assertThat(versions.get(31).get("version").asText()).isEqualTo("62.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/services/data/v30.0/limits", "/services/data/v63.0/query?q=SELECT%20Id%20FROM%20User",
            "/services/data/v53/limits", "/services/data/53.0/limits", "/services/data/v53.0/nothing",
            "/services/data/v53.0/sobjects/Account/describe", "/services/nothing", "/"})
    void unknownVersionsAndResourcesAre404(String path) {
        Answer answer = http.get(path, token);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo(
                "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
    }

    @Test
    void describeFollowsTheApiVersion() {
        assertThat(fieldNames(http.get("/services/data/v51.0/sobjects/AgentWork/describe", token).json()))
                .contains("RequestDateTime", "HandleTime", "OriginalGroupId")
                .doesNotContain("AfterConversationActualTime");
        JsonNode v52 = http.get("/services/data/v52.0/sobjects/AgentWork/describe/", token).json();
        assertThat(fieldNames(v52)).contains("AfterConversationActualTime");
        assertThat(v52.get("keyPrefix").asText()).isEqualTo("0Bz");
        assertThat(v52.get("queryable").asBoolean()).isTrue();
        assertThat(fieldNames(http.get("/services/data/v43.0/sobjects/AgentWork/describe", token).json()))
                .contains("OriginalQueueId").doesNotContain("OriginalGroupId");
        assertThat(fieldNames(http.get("/services/data/v33.0/sobjects/UserServicePresence/describe", token).json()))
                .doesNotContain("StatusEndDate", "IsCurrentState");
        assertThat(http.get("/services/data/v31.0/sobjects/UserServicePresence/describe", token).status())
                .isEqualTo(404);

        JsonNode userId = field(http.get("/services/data/v53.0/sobjects/UserServicePresence/describe", token).json(),
                "ServicePresenceStatusId");
        assertThat(userId.get("type").asText()).isEqualTo("reference");
        assertThat(userId.get("referenceTo").toString()).isEqualTo("[\"ServicePresenceStatus\"]");
        assertThat(userId.get("relationshipName").asText()).isEqualTo("ServicePresenceStatus");
    }

    @Test
    void servesSobjectListsAndRecordsById() {
        JsonNode global = http.get("/services/data/v53.0/sobjects", token).json();
        List<String> names = new ArrayList<>();
        global.get("sobjects").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactly("User", "Group", "ServiceChannel", "ServicePresenceStatus",
                "UserServicePresence", "AgentWork");
        assertThat(http.get("/services/data/v53.0/sobjects/Group", token).json().get("objectDescribe").get("keyPrefix")
                .asText()).isEqualTo("00G");

        JsonNode user = http.get("/services/data/v53.0/sobjects/User/" + agent.id().substring(0, 15), token).json();
        assertThat(user.get("attributes").get("url").asText())
                .isEqualTo("/services/data/v53.0/sobjects/User/" + agent.id());
        assertThat(user.get("Name").asText()).isEqualTo("Dana Delgado");
        assertThat(user.get("IsActive").asBoolean()).isTrue();
        JsonNode some = http.get("/services/data/v53.0/sobjects/User/" + agent.id() + "?fields=Username,Email",
                token).json();
        assertThat(some.size()).isEqualTo(3);
        assertThat(http.get("/services/data/v53.0/sobjects/User/005000000000000", token).status()).isEqualTo(404);
        assertThat(http.get("/services/data/v53.0/sobjects/AgentWork/" + agent.id(), token).status()).isEqualTo(404);
    }

    @Test
    void pagesWithNextRecordsUrlAndCountsEveryRow() {
        JsonNode first = http.query(ALL_PRESENCE, token).json();
        assertThat(first.get("totalSize").asInt()).isEqualTo(600);
        assertThat(first.get("done").asBoolean()).isFalse();
        assertThat(first.get("records")).hasSize(250);
        String next = first.get("nextRecordsUrl").asText();
        assertThat(next).matches("/services/data/v53\\.0/query/01g[0-9A-Za-z]{15}-250");
        JsonNode record = first.get("records").get(0);
        assertThat(record.toString()).isEqualTo("{\"attributes\":{\"type\":\"UserServicePresence\",\"url\":"
                + "\"/services/data/v53.0/sobjects/UserServicePresence/" + PRESENCE_IDS.get(0) + "\"},\"Id\":\""
                + PRESENCE_IDS.get(0) + "\",\"ServicePresenceStatus\":{\"attributes\":{\"type\":"
                + "\"ServicePresenceStatus\",\"url\":\"/services/data/v53.0/sobjects/ServicePresenceStatus/"
                + sim.contactCenter().ready().id() + "\"},\"MasterLabel\":\"Ready\"},"
                + "\"StatusEndDate\":\"2026-11-24T08:00:10.000+0000\"}");

        List<String> ids = ids(first);
        JsonNode page = first;
        while (!page.get("done").asBoolean()) {
            page = http.get(page.get("nextRecordsUrl").asText(), token).json();
            assertThat(page.get("totalSize").asInt()).isEqualTo(600);
            ids.addAll(ids(page));
        }
        assertThat(ids).isEqualTo(PRESENCE_IDS);
        assertThat(page.has("nextRecordsUrl")).isFalse();
        assertThat(http.get(next, token).json().get(0).get("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
    }

    @Test
    void aSmallerBatchSizeMayBeAsked() {
        JsonNode first = http.query(ALL_PRESENCE, token, "Sforce-Query-Options", "batchSize=200").json();
        assertThat(first.get("records")).hasSize(200);
        assertThat(first.get("nextRecordsUrl").asText()).endsWith("-200");
        assertThat(http.query(ALL_PRESENCE, token, "Sforce-Query-Options", "batchSize=5").json().get("records"))
                .hasSize(200);
    }

    @Test
    void aCursorKeepsTheRowsAsTheyWereAtTheFirstPage() {
        User other = sim.org().addUser("Eve", "Evans");
        UserServicePresence open = sim.org().addPresence(other.id(), "Ready", T0, null, true);
        String soql = "SELECT Id, StatusEndDate FROM UserServicePresence ORDER BY StatusEndDate DESC NULLS LAST";
        JsonNode first = http.query(soql, token).json();
        sim.org().closePresence(open.id(), T0.plusSeconds(5));
        sim.org().addPresence(other.id(), "Lunch", T0, T0.plusSeconds(1));
        List<JsonNode> records = new ArrayList<>();
        first.get("records").forEach(records::add);
        JsonNode page = first;
        while (!page.get("done").asBoolean()) {
            page = http.get(page.get("nextRecordsUrl").asText(), token).json();
            page.get("records").forEach(records::add);
        }
        assertThat(records).hasSize(601);
        JsonNode last = records.get(600);
        assertThat(last.get("Id").asText()).isEqualTo(open.id());
        assertThat(last.get("StatusEndDate").isNull()).isTrue();
        assertThat(http.query("SELECT COUNT() FROM UserServicePresence", token).json().get("totalSize").asInt())
                .isEqualTo(602);
        sim.org().delete(open.id());
        sim.org().delete(sim.org().presence(other.id()).get(0).id());
    }

    @Test
    void idleCursorsExpireAndOnlyTheNewestTenStayOpen() {
        String idle = http.query(ALL_PRESENCE, token).json().get("nextRecordsUrl").asText();
        CLOCK.advance(Duration.ofMinutes(16));
        token = http.login("app", "secret");
        assertThat(http.get(idle, token).json().get(0).get("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");

        List<String> cursors = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            cursors.add(http.query(ALL_PRESENCE, token).json().get("nextRecordsUrl").asText());
        }
        assertThat(http.get(cursors.get(0), token).status()).isEqualTo(400);
        assertThat(http.get(cursors.get(1), token).status()).isEqualTo(200);
        assertThat(http.get(cursors.get(10), token).status()).isEqualTo(200);
    }

    @Test
    void queryAllAlsoReturnsDeletedRows() {
        User gone = sim.org().addUser("Finn", "Fischer");
        UserServicePresence deleted = sim.org().addPresence(gone.id(), "Ready", T0, T0.plusSeconds(1));
        sim.org().delete(deleted.id());
        String soql = "SELECT Id, IsDeleted FROM UserServicePresence WHERE UserId = '" + gone.id() + "'";
        assertThat(http.query(soql, token).json().get("totalSize").asInt()).isZero();
        JsonNode all = http.get("/services/data/v53.0/queryAll/?q=" + SimulatorHttp.encode(soql), token).json();
        assertThat(all.get("totalSize").asInt()).isEqualTo(1);
        assertThat(all.get("records").get(0).get("IsDeleted").asBoolean()).isTrue();
    }

    @Test
    void badQueriesAreSalesforceShaped400s() {
        Answer malformed = http.query("SELECT Id FROM User WHERE", token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        assertThat(malformed.json().get(0).get("message").asText())
                .isEqualTo("\nSELECT Id FROM User WHERE\n                         ^\nERROR at Row:1:Column:26\n"
                        + "unexpected token: <EOF>");
        Answer invalidField = http.get("/services/data/v51.0/query?q="
                + SimulatorHttp.encode("SELECT AfterConversationActualTime FROM AgentWork"), token);
        assertThat(invalidField.status()).isEqualTo(400);
        assertThat(invalidField.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        Answer missing = http.get("/services/data/v53.0/query", token);
        assertThat(missing.json().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        Answer post = http.post("/services/data/v53.0/query", "q=SELECT+Id+FROM+User");
        assertThat(post.status()).isEqualTo(401);
    }

    @Test
    void restFaultsFailTheNextCallsThenClear() {
        assertThat(http.post("/__admin/faults/server-unavailable?count=2", "").status()).isEqualTo(200);
        Answer unavailable = http.query("SELECT Id FROM User", token);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().get(0).get("errorCode").asText()).isEqualTo("SERVER_UNAVAILABLE");
        assertThat(http.get("/services/data", null).status()).isEqualTo(503);
        assertThat(http.query("SELECT Id FROM User", token).status()).isEqualTo(200);

        sim.faults().requestLimitExceeded(1);
        Answer limited = http.get("/services/data/v53.0/limits", token);
        assertThat(limited.status()).isEqualTo(403);
        assertThat(limited.body())
                .isEqualTo("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        assertThat(http.get("/services/data/v53.0/limits", token).status()).isEqualTo(200);

        assertThat(http.post("/__admin/faults/delay?millis=300", "").json().get("delayMillis").asLong()).isEqualTo(300);
        long started = System.nanoTime();
        assertThat(http.query("SELECT Id FROM User", token).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        http.post("/__admin/faults/clear", "");
        assertThat(http.get("/__admin/faults", null).json().get("delayMillis").asLong()).isZero();
    }

    @Test
    void pubSubFaultsNeedAConnectedPubSubServer() {
        try (SalesforceOrgSimulator own = SalesforceOrgSimulator.builder().client("a", "b").agents(0).build().start()) {
            SimulatorHttp admin = new SimulatorHttp(own.baseUrl());
            assertThat(admin.post("/__admin/faults/drop-streams", "").status()).isEqualTo(409);
            AtomicInteger drops = new AtomicInteger();
            AtomicInteger corruptions = new AtomicInteger();
            own.connectPubSub((topic, fields) -> new byte[0], new PubSubFaults() {
                @Override
                public void dropAllStreams() {
                    drops.incrementAndGet();
                }

                @Override
                public void failNextSubscribeWithCorruptedReplayId() {
                    corruptions.incrementAndGet();
                }

                @Override
                public void delayDeliveries(java.time.Duration delay) {
                }
            });
            assertThat(admin.post("/__admin/faults/drop-streams", "").status()).isEqualTo(200);
            assertThat(admin.post("/__admin/faults/corrupt-next-subscribe", "").status()).isEqualTo(200);
            assertThat(drops.get()).isEqualTo(1);
            assertThat(corruptions.get()).isEqualTo(1);
        }
    }

    @Test
    void theDailyAllocationRunsOutAndRenewsTheNextUtcDay() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T23:00:00Z"));
        try (SalesforceOrgSimulator own = SalesforceOrgSimulator.builder().client("a", "b").agents(0).clock(clock)
                .dailyApiRequests(3).build().start()) {
            SimulatorHttp client = new SimulatorHttp(own.baseUrl());
            String ownToken = client.login("a", "b");
            for (int i = 0; i < 3; i++) {
                assertThat(client.get("/services/data/v53.0/limits", ownToken).status()).isEqualTo(200);
            }
            Answer refused = client.get("/services/data/v53.0/limits", ownToken);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get(0).get("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
            clock.advance(Duration.ofHours(1));
            JsonNode limits = client.get("/services/data/v53.0/limits", ownToken).json();
            assertThat(limits.get("DailyApiRequests").get("Max").asInt()).isEqualTo(3);
            assertThat(limits.get("DailyApiRequests").get("Remaining").asInt()).isEqualTo(2);
        }
    }

    /** Inputs a client could send by mistake: always a 4xx with a JSON body, never a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"/services/data/vabc/query",
            "/services/data/v53.0/query/garbage", "/services/data/v53.0/query/01g000000000000AAA-99999999999999999999",
            "/services/data/v53.0/query/01g000000000000AAA-0", "/services/data/v53.0/sobjects/User/notanid",
            "/services/data/v53.0/sobjects/User/005000000000000/extra",
            "/services/data/v53.0/sobjects/User/005000000000000AAA?fields=Nope",
            "/services/data/v53.0/query?q=SELECT%20Id%20FROM%20User%20WHERE%20Name%20%3D%20'%5Cu12'",
            "/services/data/v53.0/query?q=SELECT%20Id%20FROM%20User%20LIMIT%2099999999999",
            "/services/data/v53.0/query?q=SELECT%20Id%20FROM%20User%20WHERE%20Id%20IN%20()",
            "/services/data/v53.0/query?q=%27", "/services/data/v53.0/query?q=SELECT",
            "/services/data/v53.0/query?q=SELECT%20Id%20FROM%20User%20WHERE%20LastModifiedDate%20%3D%20LAST_N_DAYS",
            "/__admin/faults/delay?millis=-1", "/__admin/faults/server-unavailable?count=x", "/__admin/nothing"})
    void badInputNeverGivesA500(String path) {
        Answer answer = path.startsWith("/__admin/faults/") ? http.post(path, "") : http.get(path, token);
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.json()).isNotNull();
    }

    @Test
    void deeplyNestedConditionsAreMalformedNotAServerFailure() {
        Answer answer = http.query("SELECT Id FROM User WHERE " + "(".repeat(3000) + "Id = null" + ")".repeat(3000),
                token);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    }

    private static List<String> fieldNames(JsonNode describe) {
        List<String> names = new ArrayList<>();
        describe.get("fields").forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    private static JsonNode field(JsonNode describe, String name) {
        for (JsonNode f : describe.get("fields")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
        return ids;
    }
}
