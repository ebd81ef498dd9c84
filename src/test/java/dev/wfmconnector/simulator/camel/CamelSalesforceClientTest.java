package dev.wfmconnector.simulator.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.org.AgentWork;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.ServicePresenceStatus;
import dev.wfmconnector.simulator.org.User;
import dev.wfmconnector.simulator.org.UserServicePresence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;
import org.apache.camel.component.salesforce.api.dto.SObjectField;
import org.apache.camel.component.salesforce.api.dto.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator through the real camel-salesforce 4.17 client, as the connector will use it. */
class CamelSalesforceClientTest {

    private static final String CLIENT_ID = "3MVG9-simulated-connected-app";
    private static final String CLIENT_SECRET = "simulated-consumer-secret";
    private static final String WORK_QUERY = "SELECT Id, WorkItemId, UserId, OriginalGroupId, ServiceChannelId, "
            + "RequestDateTime, AcceptDateTime, CancelDateTime, CloseDateTime, HandleTime, "
            + "AfterConversationActualTime, Status FROM AgentWork";

    private static SalesforceOrgSimulator sim;
    private static CamelSalesforceClient client;

    @BeforeAll
    static void start() {
        sim = SalesforceOrgSimulator.builder().client(CLIENT_ID, CLIENT_SECRET).seed(11).agents(100)
                .history(Duration.ofDays(3)).build().start();
        client = new CamelSalesforceClient(sim.baseUrl(), CLIENT_ID, CLIENT_SECRET);
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    void logsInWithClientCredentials() {
        String token = client.component().getSession().getAccessToken();
        assertThat(sim.accessTokens().isValid(token)).isTrue();
        assertThat(client.component().getSession().getInstanceUrl()).isEqualTo(sim.baseUrl());
        assertThat(client.component().getSession().getOrgId()).isEqualTo(sim.orgId());
    }

    @Test
    void queryAndQueryMoreReadExactlyTheRowsTheScenarioHolds() {
        List<AgentWork> expected = sim.org().work();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(10_000);

        List<JsonNode> records = client.readAll(WORK_QUERY, first -> {
            assertThat(first.get("totalSize").asInt()).isEqualTo(expected.size());
            assertThat(first.get("records")).hasSize(2000);
        });

        List<String> ids = records.stream().map(r -> r.get("Id").asText()).toList();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).isEqualTo(expected.stream().map(AgentWork::id).toList());
        Map<String, AgentWork> byId = expected.stream().collect(Collectors.toMap(AgentWork::id, Function.identity()));
        for (JsonNode record : records) {
            AgentWork work = byId.get(record.get("Id").asText());
            assertThat(record.get("Status").asText()).isEqualTo(work.status());
            assertThat(record.get("OriginalGroupId").asText()).isEqualTo(work.originalGroupId());
            assertThat(record.get("RequestDateTime").asText()).isEqualTo(salesforceDatetime(work.requestDateTime()));
            assertThat(record.get("HandleTime").isNull()).isEqualTo(work.handleTime() == null);
        }
    }

    @Test
    void aTokenExpiredMidPagingIsRenewedAndTheReadCompletes() {
        String before = client.component().getSession().getAccessToken();
        List<JsonNode> records = client.readAll(WORK_QUERY, first -> sim.faults().expireTokens());

        assertThat(records).hasSize(sim.org().work().size());
        String after = client.component().getSession().getAccessToken();
        assertThat(after).isNotEqualTo(before);
        assertThat(sim.accessTokens().isValid(before)).isFalse();
        assertThat(sim.accessTokens().isValid(after)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void versionsAndDescribeAnswerPerApiVersion() {
        List<Version> versions = client.template().requestBody("salesforce:getVersions", null, List.class);
        assertThat(versions).extracting(Version::getVersion).contains("31.0", "53.0", "62.0").hasSize(32);

        SObjectDescription v51 = client.template().requestBody(
                "salesforce:getDescription?sObjectName=AgentWork&apiVersion=51.0", null, SObjectDescription.class);
        SObjectDescription v53 = client.template().requestBody(
                "salesforce:getDescription?sObjectName=AgentWork", null, SObjectDescription.class);
        assertThat(v51.getFields()).extracting(SObjectField::getName).contains("HandleTime")
                .doesNotContain("AfterConversationActualTime");
        assertThat(v53.getFields()).extracting(SObjectField::getName).contains("AfterConversationActualTime");
        assertThat(v53.getKeyPrefix()).isEqualTo("0Bz");

        Limits limits = client.template().requestBody("salesforce:limits", null, Limits.class);
        assertThat(limits.getDailyApiRequests().getMax()).isEqualTo(100_000);
        assertThat(limits.getDailyApiRequests().getRemaining()).isLessThan(100_000);
    }

    @Test
    void restFaultsAndQueryErrorsReachTheClient() {
        sim.faults().serverUnavailable(1);
        assertThat(failure(() -> client.query("SELECT Id FROM User")).getStatusCode()).isEqualTo(503);
        assertThat(client.query("SELECT Id FROM User").get("totalSize").asInt()).isPositive();

        sim.faults().requestLimitExceeded(1);
        SalesforceException limited = failure(() -> client.query("SELECT Id FROM User"));
        assertThat(limited.getStatusCode()).isEqualTo(403);
        assertThat(limited.getErrors().get(0).getErrorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");

        sim.faults().slowResponses(Duration.ofMillis(400));
        long started = System.nanoTime();
        client.query("SELECT Id FROM Group");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        sim.faults().clear();

        SalesforceException malformed = failure(() -> client.query("SELECT Id FROM User WHERE"));
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(malformed.getErrors().get(0).getErrorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(malformed.getErrors().get(0).getMessage()).contains("ERROR at Row:1:Column:26");
        SalesforceException invalidField = failure(() -> client.template().requestBody(
                "salesforce:query?rawPayload=true&apiVersion=51.0&sObjectQuery=RAW(SELECT AfterConversationActualTime "
                        + "FROM AgentWork)", null, String.class));
        assertThat(invalidField.getErrors().get(0).getErrorCode()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void badCredentialsFailClearly() {
        assertThatThrownBy(() -> new CamelSalesforceClient(sim.baseUrl(), CLIENT_ID, "wrong").close())
                .hasStackTraceContaining("invalid client credentials");
        assertThatThrownBy(() -> new CamelSalesforceClient(sim.baseUrl(), "unknown-app", CLIENT_SECRET).close())
                .hasStackTraceContaining("client identifier invalid");
        try (SalesforceOrgSimulator withLoginDomain = SalesforceOrgSimulator.builder().client(CLIENT_ID, CLIENT_SECRET)
                .agents(0).loginDomainHost(true).build().start()) {
            assertThatThrownBy(() -> new CamelSalesforceClient(withLoginDomain.loginDomainUrl(), CLIENT_ID,
                    CLIENT_SECRET).close()).hasStackTraceContaining("request not supported on this domain");
        }
    }

    @Test
    void editedQueriesEvaluateRight() {
        List<AgentWork> work = sim.org().work();
        String chatSales = sim.contactCenter().chatSales().id();
        List<String> canceled = ids(client.query("SELECT Id, CancelDateTime FROM AgentWork WHERE Status = 'Canceled' "
                + "AND OriginalGroup.DeveloperName = 'Chat_Sales' ORDER BY CancelDateTime DESC, Id LIMIT 50"));
        assertThat(canceled).isNotEmpty().isEqualTo(work.stream()
                .filter(w -> w.status().equals("Canceled") && w.originalGroupId().equals(chatSales))
                .sorted(Comparator.comparing(AgentWork::cancelDateTime).reversed().thenComparing(AgentWork::id))
                .limit(50).map(AgentWork::id).toList());

        Instant from = sim.scenario().now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS);
        Instant to = from.plus(Duration.ofHours(12));
        Set<String> unmapped = Set.of(sim.contactCenter().lunch().id(), sim.contactCenter().meeting().id());
        List<String> breaks = ids(client.readAll("SELECT Id, UserId FROM UserServicePresence WHERE StatusStartDate >= "
                + from + " AND StatusStartDate < " + salesforceDatetime(to)
                + " AND ServicePresenceStatus.MasterLabel IN ('lunch', 'Meeting')", page -> { }));
        assertThat(breaks).isNotEmpty().isEqualTo(sim.org().records(OrgSchema.USER_SERVICE_PRESENCE).stream()
                .filter(p -> !p.statusStartDate().isBefore(from) && p.statusStartDate().isBefore(to)
                        && unmapped.contains(p.servicePresenceStatusId()))
                .map(UserServicePresence::id).toList());

        List<String> users = ids(client.query("SELECT Id FROM User WHERE IsActive = true AND UserType = 'Standard' "
                + "ORDER BY LastName DESC, FirstName NULLS LAST"));
        assertThat(users).isEqualTo(sim.org().users().stream()
                .filter(u -> u.active() && u.userType().equals("Standard"))
                .sorted(Comparator.comparing(User::lastName, String.CASE_INSENSITIVE_ORDER).reversed()
                        .thenComparing(User::firstName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
                .map(User::id).toList());

        JsonNode count = client.query("SELECT COUNT() FROM AgentWork WHERE HandleTime > 600 OR Status = 'Opened'");
        assertThat(count.get("totalSize").asInt()).isEqualTo((int) work.stream()
                .filter(w -> (w.handleTime() != null && w.handleTime() > 600) || w.status().equals("Opened")).count());

        ServicePresenceStatus ready = sim.contactCenter().ready();
        JsonNode current = client.query("SELECT Id, ServicePresenceStatus.MasterLabel, ServicePresenceStatus.DeveloperName "
                + "FROM UserServicePresence WHERE IsCurrentState = true AND ServicePresenceStatusId = '"
                + ready.id().substring(0, 15) + "'");
        current.get("records").forEach(r -> assertThat(r.get("ServicePresenceStatus").get("DeveloperName").asText())
                .isEqualTo("Ready"));
        assertThat(current.get("totalSize").asInt()).isEqualTo((int) sim.org()
                .records(OrgSchema.USER_SERVICE_PRESENCE).stream()
                .filter(p -> p.currentState() && p.servicePresenceStatusId().equals(ready.id())).count());
    }

    private static List<String> ids(JsonNode page) {
        return ids(listOf(page.get("records")));
    }

    private static List<String> ids(List<JsonNode> records) {
        return records.stream().map(r -> r.get("Id").asText()).toList();
    }

    private static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> records = new ArrayList<>();
        array.forEach(records::add);
        return records;
    }

    private static String salesforceDatetime(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .withZone(ZoneOffset.UTC).format(instant);
    }

    private static SalesforceException failure(Runnable call) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try {
            call.run();
        } catch (CamelExecutionException e) {
            thrown.set(e.getCause());
        }
        assertThat(thrown.get()).isInstanceOf(SalesforceException.class);
        return (SalesforceException) thrown.get();
    }
}
