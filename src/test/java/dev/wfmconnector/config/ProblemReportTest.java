package dev.wfmconnector.config;

import static dev.wfmconnector.config.Configs.SECRET;
import static dev.wfmconnector.config.Configs.assertProblems;
import static dev.wfmconnector.config.Configs.config;
import static dev.wfmconnector.config.Configs.historical;
import static dev.wfmconnector.config.Configs.problems;
import static dev.wfmconnector.config.Configs.realtime;
import static dev.wfmconnector.config.Configs.userImport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wfmconnector.config.ConnectorProperties.Historical;
import dev.wfmconnector.config.ConnectorProperties.Realtime;
import dev.wfmconnector.config.ConnectorProperties.UserImport;

/** The report as a whole: every problem at once, one line each, never a secret. */
class ProblemReportTest {

    @Test
    void aConfigurationWithFiveProblemsReportsAllFiveInTheOrderOfTheTree() {
        Historical emea = historical("emea");
        emea.setServiceLevelThreshold("abc");
        Realtime apac = realtime("apac");
        UserImport users = userImport("emea");
        users.setApiVersion("v30.0");
        ConnectorProperties p = config(emea, apac, users);
        p.getDefaults().setIntervalMinutes("10");
        p.getOutputs().getHttp().setMaxAttempts("0");

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new SettingsValidator().validate(p));

        assertEquals(List.of(
                "connector.defaults.interval-minutes [Interval length]: \"10\" is not accepted; expected 15, 30 or 60",
                "historical \"emea\" connector.historical[0].service-level-threshold [Service level and abandonment "
                        + "threshold]: \"abc\" is not accepted; expected whole seconds from 0 to 86400",
                "realtime \"apac\" connector.realtime[0].group [Group]: \"apac\" is not accepted; expected a group with an "
                        + "enabled historical integration (configure the historical integration first)",
                "user-import \"emea\" connector.user-import[0].api-version [Salesforce API version]: \"v30.0\" is not "
                        + "accepted; expected a version such as 53.0 or v53.0, 31.0 or later",
                "connector.outputs.http.max-attempts [HTTP attempts]: \"0\" is not accepted; expected a whole number of 1 or "
                        + "more"), e.problems());
        assertEquals("The connector's configuration has 5 problems:", e.summary());
        assertEquals(e.summary() + System.lineSeparator() + String.join(System.lineSeparator(), e.problems()), e.getMessage());
    }

    @Test
    void oneProblemIsCountedInTheSingular() {
        Historical h = historical("emea");
        h.setApiVersion("latest");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new SettingsValidator().validate(config(h)));
        assertEquals("The connector's configuration has 1 problem:", e.summary());
    }

    @Test
    void aSecretNeverAppearsEvenWhereItIsGivenAsTheValueOfAnotherSetting() {
        Historical emea = historical("emea");
        emea.setOauthClientSecret(" " + SECRET + " ");
        emea.setServiceLevelThreshold(SECRET);
        emea.setOauthUrl("https://user:" + SECRET + "@acme.my.salesforce.com");
        Realtime realtime = realtime("emea");
        realtime.setApiVersion("v" + SECRET);
        realtime.setPlatformEventName(SECRET + " event");
        UserImport users = userImport("emea");
        users.setOauthClientSecret(null);
        ConnectorProperties p = config(emea, realtime, users);
        p.getOutputs().getHttp().setUrl("https://wfm.example.com/?token=" + SECRET);

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new SettingsValidator().validate(p));

        assertEquals(List.of(
                "historical \"emea\" connector.historical[0].oauth-url [OAuth 2.0 URL]: \"https://***@acme.my.salesforce.com\""
                        + " is not accepted; expected a URL without user info",
                "historical \"emea\" connector.historical[0].service-level-threshold [Service level and abandonment "
                        + "threshold]: (hidden) is not accepted; expected whole seconds from 0 to 86400",
                "realtime \"emea\" connector.realtime[0].api-version [Salesforce API version]: (hidden) is not accepted; "
                        + "expected a version such as 53.0 or v53.0, 31.0 or later",
                "realtime \"emea\" connector.realtime[0].platform-event-name [Salesforce platform event name]: (hidden) is not "
                        + "accepted; expected a platform event API name such as WFM_Agent_State__e or "
                        + "/event/WFM_Agent_State__e, or a change data capture channel such as /data/AccountChangeEvent",
                "user-import \"emea\" connector.user-import[0].oauth-client-secret [OAuth 2.0 client secret]: is required on "
                        + "an enabled integration; expected the consumer secret of the org's connected app",
                "connector.outputs.http.url [HTTP output URL]: (hidden) is not accepted; expected a URL without query or "
                        + "fragment"), e.problems());
        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(e.getMessage().contains(SECRET.substring(0, 12)), "not even part of it");
    }

    @Test
    void aValueIsShownOnOneLineEscaped() {
        Historical h = historical("emea");
        h.setApiVersion("53.0\n\"x\"\t\\\u0007");
        assertProblems(config(h), "historical \"emea\" connector.historical[0].api-version [Salesforce API version]: "
                + "\"53.0\\n\\\"x\\\"\\t\\\\\\u0007\" is not accepted; expected a version such as 53.0 or v53.0, 31.0 or later");
    }

    @Test
    void aLongValueIsShortened() {
        Historical h = historical("emea");
        h.setIdleTimeActivities("Idle");
        h.setServiceLevelThreshold("9".repeat(500));
        assertProblems(config(h), "historical \"emea\" connector.historical[0].service-level-threshold [Service level and "
                + "abandonment threshold]: \"" + "9".repeat(117) + "...\" is not accepted; expected whole seconds from 0 to 86400");
    }

    @Test
    void aGroupNamedLikeASecretIsHiddenToo() {
        Historical h = historical(SECRET);
        h.setStatus("off");
        List<String> lines = problems(config(h));
        assertEquals(List.of("historical (hidden) connector.historical[0].status [Status]: \"off\" is not accepted; expected "
                + "enabled or disabled (true or false)"), lines);
    }

    @Test
    void aMisspeltNameInsideAnIntegrationOrTheDefaultsIsReportedWithTheLikelySetting() {
        ConnectorProperties p = config(historical("emea"), realtime("emea"), userImport("emea"));
        List<String> given = List.of(
                "connector.historical[0].group",
                "connector.historical[0].servce-level-threshold",
                "connector.historical[0].event-fields",
                "connector.historical[0].event-fields.user-id",
                "connector.realtime[0].admin-time-activities",
                "connector.defaults.intervalminutes",
                "connector.defaults.interval-minuts",
                "connector.userimport[0].oauthclientsecrt",
                "connector.user-import[0].oauth-client-secrt",
                "connector.port",
                "connector.outputs.http.timeout");

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new SettingsValidator().validate(p, given));

        assertEquals(List.of(
                "connector.defaults.interval-minuts: is not a known setting; expected one of the operational settings, "
                        + "such as interval-minutes",
                "historical \"emea\" connector.historical[0].servce-level-threshold: is not a known setting; expected one "
                        + "of the historical settings, such as service-level-threshold",
                "realtime \"emea\" connector.realtime[0].admin-time-activities: is not a known setting; expected one of "
                        + "the realtime settings of the configuration reference",
                "user-import \"emea\" connector.user-import[0].oauthclientsecrt: is not a known setting; expected one of "
                        + "the user-import settings, such as oauth-client-secret"), e.problems());
    }
}
