package dev.wfmconnector.simulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wfmconnector.simulator.MutableClock;
import dev.wfmconnector.salesforce.SalesforceIds;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.rest.SimulatorHttp.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** OAuth client-credentials login, token expiry and revocation, as a plain HTTP client sees them. */
class RestAuthTest {

    private static final String CLIENT = "wfm-connector";
    private static final String SECRET = "s3cret-for-tests";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

    private static SalesforceOrgSimulator sim;
    private static SimulatorHttp http;

    @BeforeAll
    static void start() {
        sim = SalesforceOrgSimulator.builder().client(CLIENT, SECRET).client("second-app", "other-secret")
                .agents(0).clock(CLOCK).tokenTimeToLive(Duration.ofMinutes(30)).loginDomainHost(true)
                .build().start();
        http = new SimulatorHttp(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void clientCredentialsLoginAnswersAsSalesforce() throws Exception {
        Answer answer = http.post("/services/oauth2/token",
                "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET + "&format=json");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        String id = json.get("id").asText();
        assertThat(json.get("access_token").asText()).startsWith(sim.orgId().substring(0, 15) + "!");
        assertThat(json.get("instance_url").asText()).isEqualTo(sim.baseUrl());
        assertThat(json.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(json.get("issued_at").asText()).isEqualTo(Long.toString(CLOCK.millis()));
        assertThat(id).isEqualTo(sim.baseUrl() + "/id/" + sim.orgId() + "/" + sim.org().integrationUserId());
        String orgIdAsCamelReadsIt = id.substring(id.indexOf("id/") + 3, id.indexOf("id/") + 21);
        assertThat(SalesforceIds.isValid(orgIdAsCamelReadsIt)).isTrue();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(json.get("signature").asText()).isEqualTo(Base64.getEncoder().encodeToString(
                mac.doFinal((id + json.get("issued_at").asText()).getBytes(StandardCharsets.UTF_8))));
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(http.login("second-app", "other-secret")).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "grant_type=client_credentials&client_id=wfm-connector&client_secret=wrong | invalid_client | invalid client credentials",
            "grant_type=client_credentials&client_id=wfm-connector                     | invalid_client | invalid client credentials",
            "grant_type=client_credentials&client_id=other-secret&client_secret=s3cret-for-tests | invalid_client_id | client identifier invalid",
            "grant_type=client_credentials                                             | invalid_client_id | client identifier invalid",
            "grant_type=password&client_id=wfm-connector&client_secret=s3cret-for-tests | unsupported_grant_type | grant type not supported",
            "client_id=wfm-connector&client_secret=s3cret-for-tests                    | unsupported_grant_type | grant type not supported",
            "%%%                                                                       | invalid_request | malformed request"
    })
    void refusedLoginsAnswer400WithOAuthErrors(String form, String error, String description) {
        Answer answer = http.post("/services/oauth2/token", form.strip());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo(error);
        assertThat(answer.json().get("error_description").asText()).isEqualTo(description);
    }

    @Test
    void tokenRequestMustBePost() {
        Answer answer = http.get("/services/oauth2/token?grant_type=client_credentials", null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void deactivatedRunAsUserGetsInvalidGrant() {
        String integrationUser = sim.org().integrationUserId();
        sim.org().deactivateUser(integrationUser);
        try {
            Answer answer = http.post("/services/oauth2/token",
                    "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
        } finally {
            sim.org().updateUser(integrationUser, u -> u.active(true));
        }
    }

    @Test
    void loginDomainRefusesClientCredentials() {
        SimulatorHttp loginDomain = new SimulatorHttp(sim.loginDomainUrl());
        Answer answer = loginDomain.post("/services/oauth2/token",
                "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("request not supported on this domain");
    }

    @Test
    void tokensExpireAfterTheirTimeToLive() {
        String token = http.login(CLIENT, SECRET);
        assertThat(http.get("/services/data/v53.0/limits", token).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(29));
        assertThat(http.get("/services/data/v53.0/limits", token).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(1));
        Answer expired = http.get("/services/data/v53.0/limits", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        assertThat(expired.header("WWW-Authenticate")).isEqualTo("Token");
    }

    @Test
    void everyVersionedCallNeedsABearerToken() {
        assertThat(http.get("/services/data/v53.0/limits", null).status()).isEqualTo(401);
        assertThat(http.get("/services/data/v53.0/query?q=SELECT%20Id%20FROM%20User", "nope").status()).isEqualTo(401);
        assertThat(http.get("/services/data/v53.0/sobjects", null, "Authorization", "Basic abc").status())
                .isEqualTo(401);
        String token = http.login(CLIENT, SECRET);
        assertThat(http.get("/services/data/v53.0/sobjects", null, "Authorization", "OAuth " + token).status())
                .isEqualTo(200);
        assertThat(http.get("/services/data", null).status()).isEqualTo(200);
    }

    @Test
    void revokeEndsATokenAndRefusesUnknownOnes() {
        String byGet = http.login(CLIENT, SECRET);
        assertThat(http.get("/services/oauth2/revoke?token=" + SimulatorHttp.encode(byGet), null).status())
                .isEqualTo(200);
        assertThat(http.get("/services/data/v53.0/limits", byGet).status()).isEqualTo(401);
        Answer again = http.get("/services/oauth2/revoke?token=" + SimulatorHttp.encode(byGet), null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("unsupported_token_type");

        String byPost = http.login(CLIENT, SECRET);
        assertThat(http.post("/services/oauth2/revoke", "token=" + SimulatorHttp.encode(byPost)).status())
                .isEqualTo(200);
        assertThat(http.get("/services/data/v53.0/limits", byPost).status()).isEqualTo(401);
    }

    @Test
    void expireTokensFaultEndsEveryToken() {
        String first = http.login(CLIENT, SECRET);
        String second = http.login("second-app", "other-secret");
        assertThat(http.post("/__admin/faults/expire-tokens", "").status()).isEqualTo(200);
        assertThat(http.get("/services/data/v53.0/limits", first).status()).isEqualTo(401);
        assertThat(http.get("/services/data/v53.0/limits", second).status()).isEqualTo(401);
        assertThat(http.get("/services/data/v53.0/limits", http.login(CLIENT, SECRET)).status()).isEqualTo(200);
    }

    @Test
    void logsNeverContainTokensOrSecrets() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.wfmconnector.simulator");
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            String token = http.login(CLIENT, SECRET);
            http.get("/services/data/v53.0/query?q=SELECT%20Id%20FROM%20User", token);
            http.get("/services/oauth2/revoke?token=" + SimulatorHttp.encode(token), null);
            http.post("/services/oauth2/revoke", "token=" + SimulatorHttp.encode(token));

            assertThat(appender.list).isNotEmpty();
            assertThat(appender.list).allSatisfy(event -> {
                assertThat(event.getFormattedMessage()).doesNotContain(token).doesNotContain(SECRET)
                        .doesNotContain("token=");
            });
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }
}
