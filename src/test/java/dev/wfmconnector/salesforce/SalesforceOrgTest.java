package dev.wfmconnector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.config.OperationalSettings;
import dev.wfmconnector.config.SalesforceAccess;
import dev.wfmconnector.config.UserImportSettings;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connecting an integration to its org through the real camel-salesforce client and the simulator (serving API
 * versions 31.0 to 53.0): the login, the version check and the reasons the status API shows when either fails.
 */
class SalesforceOrgTest {

    private static final String CLIENT_ID = "3MVG9-org-test";
    private static final String SECRET = "org-S3cret-91f2";
    private static final SalesforceOrgSimulator SIM = SalesforceOrgSimulator.builder().client(CLIENT_ID, SECRET)
            .agents(0).apiVersions("31.0", "53.0").build();
    private static CamelContext camel;

    @BeforeAll
    static void start() {
        SIM.start();
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stop() {
        camel.stop();
        SIM.close();
    }

    private static UserImportSettings settings(String secret, String tokenUrl, String apiVersion) {
        return new UserImportSettings("acme", true, new SalesforceAccess(CLIENT_ID, secret, tokenUrl, apiVersion),
                OperationalSettings.DEFAULT);
    }

    @Test
    void connectsChecksTheVersionAndServesDescribes() {
        UserImportSettings settings = settings(SECRET, SIM.tokenUrl(), "53.0");
        try (SalesforceOrg org = SalesforceOrg.connect(camel, settings)) {
            assertThat(org.componentName()).isEqualTo("sf-user-import-acme");
            assertThat(camel.hasComponent("sf-user-import-acme")).isNotNull();
            assertThat(org.describeFields("AgentWork")).contains("WorkItemId", "AfterConversationActualTime");
        }
        assertThat(camel.hasComponent("sf-user-import-acme")).as("closed: the component is gone").isNull();
    }

    @Test
    void aRefusedLoginFailsNamingTheTokenUrlAndNeverTheSecret() {
        String wrongSecret = "not-" + SECRET;
        assertThatThrownBy(() -> SalesforceOrg.connect(camel, settings(wrongSecret, SIM.tokenUrl(), "53.0")))
                .isInstanceOf(SalesforceAccessException.class)
                .hasMessageStartingWith("login at " + SIM.tokenUrl() + " failed: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrongSecret));
        assertThat(camel.hasComponent("sf-user-import-acme")).isNull();
    }

    @Test
    void aVersionTheOrgDoesNotServeFailsNamingTheVersionsItServes() {
        assertThatThrownBy(() -> SalesforceOrg.connect(camel, settings(SECRET, SIM.tokenUrl(), "60.0")))
                .isInstanceOf(SalesforceAccessException.class)
                .hasMessage("Salesforce API version 60.0 is not served by this org (it serves 31.0 to 53.0)");
        assertThat(camel.hasComponent("sf-user-import-acme")).isNull();
    }

    @Test
    void aLoginRefusedOnTheSharedLoginHostsNamesTheFix() {
        IOException refused = new IOException("invalid_grant: request not supported on this domain");
        assertThat(SalesforceOrg.loginFailure(settings(SECRET, "https://login.salesforce.com/services/oauth2/token",
                "53.0").access(), refused))
                .isEqualTo("login at https://login.salesforce.com/services/oauth2/token failed: invalid_grant: request "
                        + "not supported on this domain (the client-credentials flow is refused on login.salesforce.com;"
                        + " set [OAuth 2.0 URL] to the org's My Domain URL, e.g. https://acme.my.salesforce.com)");
        assertThat(SalesforceOrg.loginFailure(settings(SECRET, "https://acme.my.salesforce.com/services/oauth2/token",
                "53.0").access(), refused)).doesNotContain("My Domain");
    }
}
