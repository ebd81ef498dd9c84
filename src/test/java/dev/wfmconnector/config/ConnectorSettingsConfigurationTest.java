package dev.wfmconnector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.wfmconnector.historical.Category;

/**
 * The Spring wiring alone (no web, Camel or database): YAML and environment variables bind, a good configuration
 * yields the validated {@link ConnectorSettings} bean, a bad one stops start-up with the failure analyzer's report.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConnectorSettingsConfigurationTest {

    private static ConfigurableApplicationContext start(String yaml) {
        return new SpringApplicationBuilder(ConnectorSettingsConfiguration.class)
                .web(WebApplicationType.NONE)
                .run("--spring.config.location=classpath:config/" + yaml);
    }

    @Test
    void aGoodYamlConfigurationYieldsNormalisedSettings() {
        try (ConfigurableApplicationContext context = start("good.yaml")) {
            ConnectorSettings s = context.getBean(ConnectorSettings.class);

            HistoricalSettings emea = s.historical().get(0);
            assertEquals("EMEA", emea.group());
            assertTrue(emea.enabled());
            assertEquals(new SalesforceAccess("3MVG9-emea", "emea-secret-7b1e",
                    "https://acme.my.salesforce.com/services/oauth2/token", "53.0"), emea.access());
            assertEquals(List.of("Not ready", "Training"), emea.activities().notReady());
            assertEquals(Category.ADMIN, emea.activities().categoryOf("email", null));
            assertEquals(30, emea.serviceLevelThresholdSeconds());
            assertEquals(40, emea.abandonedShortContactThresholdSeconds());
            assertEquals(60, emea.operational().intervalMinutes());
            assertEquals(ZoneId.of("Asia/Kolkata"), emea.operational().intervalTimeZone());
            assertEquals(Duration.ofHours(3), emea.operational().lookback());
            assertEquals("Agent__c", emea.operational().eventFields().userId());

            HistoricalSettings apac = s.historical().get(1);
            assertEquals("apac", apac.group());
            assertFalse(apac.enabled());
            assertEquals(30, apac.operational().intervalMinutes());

            RealtimeSettings realtime = s.realtime().get(0);
            assertEquals("/event/WFM_Agent_State__e", realtime.topic());
            assertEquals("http://127.0.0.1:8089", realtime.access().loginUrl());
            assertEquals("53.0", realtime.access().apiVersion());
            assertEquals("127.0.0.1", realtime.operational().pubsubHost());
            assertEquals(8090, realtime.operational().pubsubPort());

            UserImportSettings users = s.userImport().get(0);
            assertEquals("default", users.group());
            assertEquals("https://login.salesforce.com/services/oauth2/token", users.access().tokenUrl());
            assertEquals("60.0", users.access().apiVersion());
            assertEquals("0 0 4 * * ?", users.operational().userImportSchedule());

            assertEquals(new OutputSettings(true, "acme.", "http://127.0.0.1:9999/wfm", 3, Duration.ofMillis(500),
                    Duration.ofMinutes(1)), s.outputs());
        }
    }

    @Test
    void aBadConfigurationStopsStartUpWithEveryProblemAndNoSecret(CapturedOutput output) {
        assertThrows(Exception.class, () -> start("bad.yaml").close());

        String nl = System.lineSeparator();
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("The connector's configuration has 7 problems:" + nl + nl
                        + "    connector.defaults.interval-minutes [Interval length]: \"20\" is not accepted; expected 15, "
                        + "30 or 60" + nl
                        + "    historical \"emea\" connector.historical[0].ready-time-activities [Ready time activities]: "
                        + "\"Offline\" is not accepted; expected presence statuses only (Offline is not a presence status)" + nl
                        + "    historical \"emea\" connector.historical[0].service-level-threshold [Service level and "
                        + "abandonment threshold]: \"abc\" is not accepted; expected whole seconds from 0 to 86400" + nl
                        + "    historical \"emea\" connector.historical[0].abandoned-short-contact-treshold: is not a known "
                        + "setting; expected one of the historical settings, such as abandoned-short-contact-threshold" + nl
                        + "    realtime \"apac\" connector.realtime[0].group [Group]: \"apac\" is not accepted; expected a "
                        + "group with an enabled historical integration (configure the historical integration first)" + nl
                        + "    realtime \"apac\" connector.realtime[0].api-version [Salesforce API version]: (hidden) is not "
                        + "accepted; expected a version such as 53.0 or v53.0, 31.0 or later" + nl
                        + "    user-import \"emea\" connector.user-import[0].status [Status]: \"on-hold\" is not accepted; "
                        + "expected enabled or disabled (true or false)" + nl)
                .contains("Action:" + nl + nl + InvalidSettingsFailureAnalyzer.ACTION)
                .doesNotContain("bad-yaml-secret-41c9");
    }

    @Test
    void environmentVariablesBindListEntriesAsAKubernetesSecretWouldGiveThem() {
        Map<String, Object> env = Map.of(
                "CONNECTOR_HISTORICAL_0_GROUP", "emea",
                "CONNECTOR_HISTORICAL_0_OAUTHCLIENTID", "3MVG9-emea",
                "CONNECTOR_HISTORICAL_0_OAUTHCLIENTSECRET", "env-secret",
                "CONNECTOR_HISTORICAL_0_APIVERSION", "v58.0",
                "CONNECTOR_HISTORICAL_0_SERVICELEVELTHRESHOLD", "15",
                "CONNECTOR_DEFAULTS_EVENTFIELDS_STATUS", "Presence__c",
                "CONNECTOR_OUTPUTS_JMS_ENABLED", "false");
        new ApplicationContextRunner()
                .withUserConfiguration(ConnectorSettingsConfiguration.class)
                .withInitializer(c -> c.getEnvironment().getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", env)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ConnectorSettings s = context.getBean(ConnectorSettings.class);
                    HistoricalSettings emea = s.historical().get(0);
                    assertEquals("emea", emea.group());
                    assertEquals("env-secret", emea.access().clientSecret());
                    assertEquals("58.0", emea.access().apiVersion());
                    assertEquals(15, emea.serviceLevelThresholdSeconds());
                    assertEquals("Presence__c", emea.operational().eventFields().status());
                    assertFalse(s.outputs().jmsEnabled());
                });
    }

    @Test
    void theFailureIsAnInvalidSettingsExceptionTheAnalyzerDescribes() {
        new ApplicationContextRunner()
                .withUserConfiguration(ConnectorSettingsConfiguration.class)
                .withPropertyValues("connector.historical[0].group=emea", "connector.historical[0].oauth-client-id=id",
                        "connector.historical[0].oauth-client-secret=runner-secret-88", "connector.historical[0].api-version=v2")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    var analysis = new InvalidSettingsFailureAnalyzer().analyze(failure);
                    assertEquals("The connector's configuration has 1 problem:" + System.lineSeparator() + System.lineSeparator()
                            + "    historical \"emea\" connector.historical[0].api-version [Salesforce API version]: \"v2\" is "
                            + "not accepted; expected a version such as 53.0 or v53.0, 31.0 or later", analysis.getDescription());
                    assertEquals(InvalidSettingsFailureAnalyzer.ACTION, analysis.getAction());
                });
    }

    @ConfigurationPropertiesScan("dev.wfmconnector.config")
    static class ScanningApplication {
    }

    @Test
    void theApplicationsPropertiesScanAndThisConfigurationBindOnePropertiesBean() {
        new ApplicationContextRunner()
                .withUserConfiguration(ScanningApplication.class, ConnectorSettingsConfiguration.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(ConnectorProperties.class);
                    assertThat(context).hasSingleBean(ConnectorSettings.class);
                });
    }
}
