package dev.wfmconnector.api;

import static dev.wfmconnector.config.IntegrationType.HISTORICAL;
import static dev.wfmconnector.config.IntegrationType.REALTIME;
import static dev.wfmconnector.config.IntegrationType.USER_IMPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.wfmconnector.integration.IntegrationSupervisor;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.status.IntegrationStatusChanged;
import dev.wfmconnector.status.TestSettings;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunCounts;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.StateCommits;
import dev.wfmconnector.store.StatusToggles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The whole application's management surface in one Spring context: the API, its security, actuator health groups,
 * Prometheus, and that configured secrets show in no answer (every call is checked) and no log line (checked after
 * every test, with everything logged since the context started). The methods run in order.
 */
@SpringBootTest(properties = {
        "spring.security.user.name=admin",
        "spring.security.user.password=" + ManagementApiTest.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:management-api-test;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=classpath:no-routes-in-this-test/*.camel.yaml",
        "connector.historical[0].group=EMEA",
        "connector.historical[0].oauth-client-id=3MVG9-historical-EMEA",
        "connector.historical[0].oauth-client-secret=" + ManagementApiTest.HISTORICAL_SECRET,
        "connector.historical[0].oauth-url=https://acme.my.salesforce.com",
        "connector.historical[0].api-version=v53.0",
        "connector.historical[0].admin-time-activities=Admin; Email",
        "connector.historical[0].idle-time-activities=Idle",
        "connector.historical[0].not-ready-activities=Not ready; Training",
        "connector.historical[0].ready-time-activities=Ready; On call",
        "connector.realtime[0].group=emea",
        "connector.realtime[0].oauth-client-id=3MVG9-realtime-emea",
        "connector.realtime[0].oauth-client-secret=" + ManagementApiTest.REALTIME_SECRET,
        "connector.realtime[0].oauth-url=https://acme.my.salesforce.com",
        "connector.realtime[0].api-version=53.0",
        "connector.realtime[0].platform-event-name=WFM_Agent_State__e",
        "connector.user-import[0].group=emea",
        "connector.user-import[0].status=disabled",
        "connector.user-import[0].oauth-client-id=3MVG9-user-import-emea",
        "connector.user-import[0].oauth-client-secret=" + ManagementApiTest.USER_IMPORT_SECRET,
        "connector.user-import[0].api-version=53.0"})
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@Import(ManagementApiTest.TestConnector.class)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagementApiTest {

    static final String ADMIN_PASSWORD = "Adm1n-Test-Pa55";
    static final String HISTORICAL_SECRET = "hist-S3cret-91c2e7";
    static final String REALTIME_SECRET = "rt-S3cret-4f08aa";
    static final String USER_IMPORT_SECRET = "ui-S3cret-d2b611";
    private static final List<String> SECRETS = List.of(HISTORICAL_SECRET, REALTIME_SECRET, USER_IMPORT_SECRET);

    /** A listener of status changes. */
    @TestConfiguration
    static class TestConnector {
        @Bean
        StatusChanges statusChanges() {
            return new StatusChanges();
        }
    }

    /** What a runtime would hear. */
    static class StatusChanges {
        final List<IntegrationStatusChanged> heard = new CopyOnWriteArrayList<>();

        @EventListener
        void on(IntegrationStatusChanged change) {
            heard.add(change);
        }
    }

    /** No integration runs here (their orgs are not reachable): the states are the test's own reports. */
    @MockitoBean
    private IntegrationSupervisor supervisor;
    @Autowired
    private MockMvc mvc;
    @Autowired
    private IntegrationStates states;
    @Autowired
    private StatusToggles toggles;
    @Autowired
    private StatusChanges statusChanges;
    @Autowired
    private RunLog runs;
    @Autowired
    private StateCommits commits;

    private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, basic("admin", ADMIN_PASSWORD));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Performs a request and checks that its answer shows no configured secret. */
    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        ResultActions result = mvc.perform(request);
        String body = result.andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(SECRETS);
        return result;
    }

    @Test
    @Order(1)
    void theApiAndActuatorEndpointsNeedCredentials() throws Exception {
        for (String path : List.of("/api/integrations", "/api/integrations/historical/emea", "/actuator",
                "/actuator/env", "/actuator/configprops", "/actuator/info")) {
            call(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"wfm-connector\""))
                    .andExpect(jsonPath("$.status").value(401))
                    .andExpect(jsonPath("$.detail", containsString("spring.security.user.name/password")));
        }
        call(put("/api/integrations/realtime/emea/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"disabled\"}")).andExpect(status().isUnauthorized());
        call(get("/api/integrations").header(HttpHeaders.AUTHORIZATION, basic("admin", "wrong")))
                .andExpect(status().isUnauthorized());
        assertThat(toggles.all()).isEmpty();
    }

    @Test
    @Order(2)
    void theListShowsEveryIntegrationWithItsStatusAndState() throws Exception {
        call(asAdmin(get("/api/integrations")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].type").value("historical"))
                .andExpect(jsonPath("$[0].group").value("EMEA"))
                .andExpect(jsonPath("$[0].configuredStatus").value("enabled"))
                .andExpect(jsonPath("$[0].effectiveStatus").value("enabled"))
                .andExpect(jsonPath("$[0].state").value("RUNNING"))
                .andExpect(jsonPath("$[0].settings.oauthClientSecret").value(IntegrationStates.MASK))
                .andExpect(jsonPath("$[1].type").value("realtime"))
                .andExpect(jsonPath("$[1].state").value("WAITING_FOR_HISTORICAL"))
                .andExpect(jsonPath("$[1].settings.oauthClientSecret").value(IntegrationStates.MASK))
                .andExpect(jsonPath("$[2].type").value("user-import"))
                .andExpect(jsonPath("$[2].configuredStatus").value("disabled"))
                .andExpect(jsonPath("$[2].state").value("DISABLED"))
                .andExpect(jsonPath("$[2].settings.oauthClientSecret").value(IntegrationStates.MASK));
    }

    @Test
    @Order(3)
    void theDetailShowsSettingsWatermarkAndLastRuns() throws Exception {
        Instant watermark = Instant.parse("2026-11-24T10:00:00Z");
        Run run = runs.queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, watermark.plusSeconds(120));
        runs.start(run.id(), watermark.minusSeconds(86400), watermark, 96, watermark.plusSeconds(121));
        commits.historicalRunSucceeded(new StateCommits.HistoricalRunOutcome("emea", run.id(), watermark, List.of(),
                List.of(), new RunCounts(96, 5000, 420), watermark.plusSeconds(150)));

        call(asAdmin(get("/api/integrations/historical/emea")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.group").value("EMEA"))
                .andExpect(jsonPath("$.statusSetAt").value(nullValue()))
                .andExpect(jsonPath("$.reason").value(nullValue()))
                .andExpect(jsonPath("$.since").isString())
                .andExpect(jsonPath("$.settings.oauthClientId").value("3MVG9-historical-EMEA"))
                .andExpect(jsonPath("$.settings.oauthClientSecret").value("******"))
                .andExpect(jsonPath("$.settings.oauthUrl").value(TestSettings.TOKEN_URL))
                .andExpect(jsonPath("$.settings.apiVersion").value("53.0"))
                .andExpect(jsonPath("$.settings.readyTimeActivities[1]").value("On call"))
                .andExpect(jsonPath("$.settings.serviceLevelThreshold").value(20))
                .andExpect(jsonPath("$.settings.operational.intervalMinutes").value(15))
                .andExpect(jsonPath("$.settings.operational.lookback").value("PT2H"))
                .andExpect(jsonPath("$.watermark").value("2026-11-24T10:00:00Z"))
                .andExpect(jsonPath("$.gateOpenedAt").value("2026-11-24T10:02:30Z"))
                .andExpect(jsonPath("$.lastRuns", hasSize(1)))
                .andExpect(jsonPath("$.lastRuns[0].id").value(run.id()))
                .andExpect(jsonPath("$.lastRuns[0].kind").value("SCHEDULED"))
                .andExpect(jsonPath("$.lastRuns[0].state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.lastRuns[0].windowFrom").value("2026-11-23T10:00:00Z"))
                .andExpect(jsonPath("$.lastRuns[0].intervalsDone").value(96))
                .andExpect(jsonPath("$.lastRuns[0].intervalsTotal").value(96))
                .andExpect(jsonPath("$.lastRuns[0].recordsPublished").value(420));

        call(asAdmin(get("/api/integrations/REALTIME/Emea")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("realtime"))
                .andExpect(jsonPath("$.settings.platformEventName").value("/event/WFM_Agent_State__e"))
                .andExpect(jsonPath("$.replayCheckpoint").value(nullValue()))
                .andExpect(jsonPath("$.lastRuns", hasSize(0)));
    }

    @Test
    @Order(4)
    void anUnknownIntegrationIsA404WithAClearMessage() throws Exception {
        call(asAdmin(get("/api/integrations/historical/apac")))
                .andExpect(status().isNotFound())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Unknown integration"))
                .andExpect(jsonPath("$.detail").value("no historical integration \"apac\" is configured; configured:"
                        + " historical \"EMEA\", realtime \"emea\", user-import \"emea\""));
        call(asAdmin(get("/api/integrations/streaming/emea")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail")
                        .value("no integration type \"streaming\"; expected historical, realtime or user-import"));
        call(asAdmin(put("/api/integrations/user-import/apac/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"enabled\"}"))).andExpect(status().isNotFound());
        assertThat(toggles.all()).isEmpty();
    }

    @Test
    @Order(5)
    void aStatusSetThroughTheApiIsPersistedShownBesideTheConfiguredOneAndAnnounced() throws Exception {
        call(asAdmin(put("/api/integrations/realtime/EMEA/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"Disabled\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configuredStatus").value("enabled"))
                .andExpect(jsonPath("$.effectiveStatus").value("disabled"))
                .andExpect(jsonPath("$.statusSetAt").isString())
                .andExpect(jsonPath("$.state").value("DISABLED"));

        assertThat(toggles.find(REALTIME, "emea").orElseThrow().enabled()).isFalse();
        assertThat(statusChanges.heard).containsExactly(new IntegrationStatusChanged(REALTIME, "emea", false));
        call(asAdmin(get("/api/integrations/realtime/emea")))
                .andExpect(jsonPath("$.configuredStatus").value("enabled"))
                .andExpect(jsonPath("$.effectiveStatus").value("disabled"))
                .andExpect(jsonPath("$.state").value("DISABLED"));

        call(asAdmin(put("/api/integrations/user-import/emea/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"enabled\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configuredStatus").value("disabled"))
                .andExpect(jsonPath("$.effectiveStatus").value("enabled"))
                .andExpect(jsonPath("$.state").value("RUNNING"));
        assertThat(statusChanges.heard).endsWith(new IntegrationStatusChanged(USER_IMPORT, "emea", true));

        call(asAdmin(put("/api/integrations/realtime/emea/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"enabled\"}")))
                .andExpect(jsonPath("$.effectiveStatus").value("enabled"))
                .andExpect(jsonPath("$.state").value("RUNNING"));
    }

    @Test
    @Order(6)
    void aStatusOtherThanEnabledOrDisabledIsRefused() throws Exception {
        int before = statusChanges.heard.size();
        call(asAdmin(put("/api/integrations/historical/emea/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"paused\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("status \"paused\" is not accepted; expected \"enabled\" or \"disabled\""));
        call(asAdmin(put("/api/integrations/historical/emea/status").contentType(MediaType.APPLICATION_JSON)
                .content("{}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("no status; expected \"enabled\" or \"disabled\""));
        call(asAdmin(put("/api/integrations/historical/emea/status").contentType(MediaType.APPLICATION_JSON)
                .content("enabled")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the request body is not JSON like {\"status\": \"enabled\"}"));
        assertThat(toggles.find(HISTORICAL, "emea")).isEmpty();
        assertThat(statusChanges.heard).hasSize(before);
    }

    @Test
    @Order(7)
    void probesAndPrometheusAreOpenAndShowDetailsOnlyWithCredentials() throws Exception {
        call(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        call(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        call(get("/actuator/health")).andExpect(status().isOk());
        call(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("text/plain")))
                .andExpect(content -> assertThat(content.getResponse().getContentAsString()).contains("jvm_memory_used_bytes"));

        call(asAdmin(get("/actuator/health/readiness")))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.camelReadinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.integrations.status").value("UP"))
                .andExpect(jsonPath("$.components.integrations.details['historical/EMEA'].state").value("RUNNING"))
                .andExpect(jsonPath("$.components.integrations.details['realtime/emea'].state").value("RUNNING"))
                .andExpect(jsonPath("$.components.integrations.details['user-import/emea'].state").value("RUNNING"))
                .andExpect(jsonPath("$.components.camelHealth").doesNotExist())
                .andExpect(jsonPath("$.components.db").doesNotExist());
        call(asAdmin(get("/actuator/health/liveness")))
                .andExpect(jsonPath("$.components.livenessState.status").value("UP"))
                .andExpect(jsonPath("$.components.camelLivenessState.status").value("UP"))
                .andExpect(jsonPath("$.components.integrations").doesNotExist());
    }

    @Test
    @Order(8)
    void readinessIsDownOnlyWhenEveryEnabledIntegrationHasFailedAndLivenessStaysUp(CapturedOutput output)
            throws Exception {
        states.leading("emea", true);  // as the (mocked) supervisor says when this pod runs the group
        states.failed(HISTORICAL, "emea", "INVALID_CLIENT: invalid client credentials for secret " + HISTORICAL_SECRET);
        states.failed(USER_IMPORT, "emea", "INVALID_CLIENT: invalid client credentials");
        call(get("/actuator/health/readiness")).andExpect(status().isOk());

        states.failed(REALTIME, "emea", "unknown event /event/WFM_Agent_State__e");
        call(asAdmin(get("/actuator/health/readiness")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"))
                .andExpect(jsonPath("$.components.integrations.details['historical/EMEA'].reason")
                        .value("INVALID_CLIENT: invalid client credentials for secret ******"));
        call(get("/actuator/health/liveness")).andExpect(status().isOk());
        call(asAdmin(get("/api/integrations/historical/emea")))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.reason").value("INVALID_CLIENT: invalid client credentials for secret ******"));

        assertThat(output.getAll())
                .contains("historical \"EMEA\" FAILED: INVALID_CLIENT: invalid client credentials for secret ******");

        states.waitingForHistorical(REALTIME, "emea");
        call(get("/actuator/health/readiness")).andExpect(status().isOk());
        states.running(HISTORICAL, "emea");
        states.running(REALTIME, "emea");
        states.running(USER_IMPORT, "emea");
    }

    @Test
    @Order(9)
    void envAndConfigpropsShowNoSecretEvenToTheAdmin() throws Exception {
        call(asAdmin(get("/actuator/env")))
                .andExpect(status().isOk())
                .andExpect(content -> assertThat(content.getResponse().getContentAsString())
                        .contains("connector.historical[0].oauth-client-secret").contains("******"));
        call(asAdmin(get("/actuator/env/connector.realtime[0].oauth-client-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.property.value").value("******"));
        call(asAdmin(get("/actuator/configprops"))).andExpect(status().isOk());
    }

    /** Runs after every test: nothing logged since the context started (and during the test) shows a secret. */
    @AfterEach
    void noLogLineShowsASecretOrAGeneratedPassword(CapturedOutput output) {
        assertThat(output.getAll())
                .contains("Started ManagementApiTest")
                .doesNotContain(SECRETS)
                .doesNotContain(ADMIN_PASSWORD)
                .doesNotContainIgnoringCase("generated security password");
    }
}
