package dev.wfmconnector.config;

import static dev.wfmconnector.config.Configs.assertProblems;
import static dev.wfmconnector.config.Configs.config;
import static dev.wfmconnector.config.Configs.historical;
import static dev.wfmconnector.config.Configs.realtime;
import static dev.wfmconnector.config.Configs.userImport;
import static dev.wfmconnector.config.Configs.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.wfmconnector.config.ConnectorProperties.Historical;
import dev.wfmconnector.config.ConnectorProperties.Realtime;
import dev.wfmconnector.historical.ActivityCategories;
import dev.wfmconnector.historical.Category;

/** Every rule and normalisation of the settings-screen fields (SPEC §1, §8), with the exact message users see. */
class IntegrationSettingsValidationTest {

    @Nested
    class Group {

        @Test
        void leftOutOnTheOnlyIntegrationOfItsTypeIsDefault() {
            ConnectorSettings s = valid(config(historical(null), realtime(" "), userImport(null)));
            assertEquals("default", s.historical().get(0).group());
            assertEquals("default", s.realtime().get(0).group());
            assertEquals("default", s.userImport().get(0).group());
        }

        @Test
        void isTrimmed() {
            assertEquals("emea", valid(config(historical("  emea "))).historical().get(0).group());
        }

        @Test
        void isRequiredWhenTwoOrMoreIntegrationsOfATypeExist() {
            assertProblems(config(historical("emea"), historical(null)),
                    "historical \"default\" connector.historical[1].group [Group]: is required when there are 2 or more "
                            + "historical integrations; expected a group name such as emea");
        }

        @Test
        void isUniqueWithinATypeComparedCaseInsensitivelyAfterTrimming() {
            assertProblems(config(historical("emea"), historical("apac"), historical(" EMEA ")),
                    "historical \"EMEA\" connector.historical[2].group [Group]: \" EMEA \" is not accepted; expected a group "
                            + "no other historical integration has (connector.historical[0] has it)");
        }

        @Test
        void mayRepeatAcrossTypes() {
            ConnectorSettings s = valid(config(historical("emea"), realtime("emea"), userImport("emea")));
            assertEquals(3, s.all().size());
        }

        @Test
        void acceptsLettersDigitsSpacesUnderscoreDotAndHyphen() {
            assertEquals("EMEA north_1.b-2", valid(config(historical("EMEA north_1.b-2"))).historical().get(0).group());
        }

        @Test
        void refusesOtherCharacters() {
            assertProblems(config(userImport("em/ea")),
                    "user-import \"em/ea\" connector.user-import[0].group [Group]: \"em/ea\" is not accepted; expected at most "
                            + "64 letters, digits, spaces, '_', '.' or '-'");
        }

        @Test
        void refusesMoreThan64Characters() {
            String longest = "g".repeat(64);
            assertEquals(longest, valid(config(historical(longest))).historical().get(0).group());
            String tooLong = "g".repeat(65);
            assertProblems(config(historical(tooLong)),
                    "historical \"" + tooLong + "\" connector.historical[0].group [Group]: \"" + tooLong
                            + "\" is not accepted; expected at most 64 letters, digits, spaces, '_', '.' or '-'");
        }
    }

    @Nested
    class Status {

        @Test
        void defaultsToEnabled() {
            assertTrue(valid(config(historical("emea"))).historical().get(0).enabled());
        }

        @ParameterizedTest
        @CsvSource({"enabled,true", "ENABLED,true", "true,true", "True,true", "disabled,false", "Disabled,false",
                "false,false", "FALSE,false", "' disabled ',false"})
        void acceptsEnabledDisabledTrueFalseInAnyCase(String status, boolean enabled) {
            Historical h = historical("emea");
            h.setStatus(status);
            assertEquals(enabled, valid(config(h)).historical().get(0).enabled());
        }

        @Test
        void refusesOtherValues() {
            Historical h = historical("emea");
            h.setStatus("on");
            assertProblems(config(h), "historical \"emea\" connector.historical[0].status [Status]: \"on\" is not accepted; "
                    + "expected enabled or disabled (true or false)");
        }
    }

    @Nested
    class RequiredOnEnabledIntegrations {

        @Test
        void clientIdClientSecretAndApiVersion() {
            Historical h = historical("emea");
            h.setOauthClientId(null);
            h.setOauthClientSecret(" ");
            h.setApiVersion("");
            assertProblems(config(h),
                    "historical \"emea\" connector.historical[0].oauth-client-id [OAuth 2.0 client ID]: is required on an "
                            + "enabled integration; expected the consumer key of the org's connected app",
                    "historical \"emea\" connector.historical[0].oauth-client-secret [OAuth 2.0 client secret]: is required "
                            + "on an enabled integration; expected the consumer secret of the org's connected app",
                    "historical \"emea\" connector.historical[0].api-version [Salesforce API version]: is required on an "
                            + "enabled integration; expected a version such as 53.0 or v53.0, 31.0 or later");
        }

        @Test
        void platformEventNameOnRealtime() {
            Realtime r = realtime("emea");
            r.setPlatformEventName(null);
            assertProblems(config(historical("emea"), r),
                    "realtime \"emea\" connector.realtime[0].platform-event-name [Salesforce platform event name]: is "
                            + "required on an enabled integration; expected a platform event API name such as "
                            + "WFM_Agent_State__e or /event/WFM_Agent_State__e, or a change data capture channel such as "
                            + "/data/AccountChangeEvent");
        }

        @Test
        void notOnDisabledIntegrations() {
            ConnectorProperties.UserImport u = userImport("emea");
            u.setStatus("disabled");
            u.setOauthClientId(null);
            u.setOauthClientSecret(null);
            u.setApiVersion(null);
            Realtime r = realtime("emea");
            r.setStatus("disabled");
            r.setPlatformEventName(null);
            ConnectorSettings s = valid(config(r, u));
            SalesforceAccess access = s.userImport().get(0).access();
            assertFalse(s.userImport().get(0).enabled());
            assertNull(access.clientId());
            assertNull(access.clientSecret());
            assertNull(access.apiVersion());
            assertNull(s.realtime().get(0).topic());
        }

        @Test
        void clientIdAndSecretAreTrimmed() {
            Historical h = historical("emea");
            h.setOauthClientId(" id-1 ");
            h.setOauthClientSecret("s3cret\n");
            SalesforceAccess access = valid(config(h)).historical().get(0).access();
            assertEquals("id-1", access.clientId());
            assertEquals("s3cret", access.clientSecret());
        }
    }

    @Nested
    class OauthUrl {

        private String tokenUrlOf(String url) {
            Historical h = historical("emea");
            h.setOauthUrl(url);
            return valid(config(h)).historical().get(0).access().tokenUrl();
        }

        private void assertRefused(String url, String expected) {
            Historical h = historical("emea");
            h.setOauthUrl(url);
            assertProblems(config(h), "historical \"emea\" connector.historical[0].oauth-url [OAuth 2.0 URL]: " + expected);
        }

        @Test
        void defaultsToLoginSalesforceCom() {
            Historical h = historical("emea");
            h.setOauthUrl(" ");
            SalesforceAccess access = valid(config(h)).historical().get(0).access();
            assertEquals("https://login.salesforce.com/services/oauth2/token", access.tokenUrl());
            assertEquals("https://login.salesforce.com", access.loginUrl());
        }

        @ParameterizedTest
        @CsvSource({
                "https://acme.my.salesforce.com,https://acme.my.salesforce.com/services/oauth2/token",
                "https://test.salesforce.com/,https://test.salesforce.com/services/oauth2/token",
                "https://acme.my.salesforce.com/services/oauth2/token,https://acme.my.salesforce.com/services/oauth2/token",
                "' HTTPS://acme.my.salesforce.com:8443 ',https://acme.my.salesforce.com:8443/services/oauth2/token"})
        void aBareHostGetsTheTokenPath(String url, String tokenUrl) {
            assertEquals(tokenUrl, tokenUrlOf(url));
        }

        @ParameterizedTest
        @CsvSource({
                "http://127.0.0.1:8443,http://127.0.0.1:8443/services/oauth2/token",
                "http://127.1.2.3,http://127.1.2.3/services/oauth2/token",
                "http://localhost:9000/,http://localhost:9000/services/oauth2/token",
                "http://[::1]:9000,http://[::1]:9000/services/oauth2/token"})
        void plainHttpIsAcceptedForLoopbackHosts(String url, String tokenUrl) {
            assertEquals(tokenUrl, tokenUrlOf(url));
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://acme.my.salesforce.com", "http://128.0.0.1", "ftp://acme.my.salesforce.com"})
        void refusesAnythingButHttps(String url) {
            assertRefused(url, "\"" + url + "\" is not accepted; expected https (plain http only for localhost, 127.x.x.x or ::1)");
        }

        @Test
        void refusesUserInfoAndShowsItAsStars() {
            assertRefused("https://admin:pa55@acme.my.salesforce.com",
                    "\"https://***@acme.my.salesforce.com\" is not accepted; expected a URL without user info");
        }

        @Test
        void refusesAQuery() {
            assertRefused("https://acme.my.salesforce.com?x=1",
                    "\"https://acme.my.salesforce.com?x=1\" is not accepted; expected a URL without query or fragment");
        }

        @Test
        void refusesAFragment() {
            assertRefused("https://acme.my.salesforce.com/#top",
                    "\"https://acme.my.salesforce.com/#top\" is not accepted; expected a URL without query or fragment");
        }

        @Test
        void refusesAPathOtherThanTheTokenPath() {
            assertRefused("https://acme.my.salesforce.com/services/oauth2/authorize",
                    "\"https://acme.my.salesforce.com/services/oauth2/authorize\" is not accepted; expected no path, or the "
                            + "token path /services/oauth2/token");
        }

        @ParameterizedTest
        @ValueSource(strings = {"acme.my.salesforce.com", "https://", "https://acme .com", "mailto:a@b.c"})
        void refusesWhatIsNotAnAbsoluteUrl(String url) {
            assertRefused(url, "\"" + url + "\" is not accepted; expected an https URL such as https://acme.my.salesforce.com");
        }

        @Test
        void reportsEveryProblemOfOneUrl() {
            Historical h = historical("emea");
            h.setOauthUrl("http://u@acme.my.salesforce.com/x?y");
            String prefix = "historical \"emea\" connector.historical[0].oauth-url [OAuth 2.0 URL]: "
                    + "\"http://***@acme.my.salesforce.com/x?y\" is not accepted; expected ";
            assertProblems(config(h),
                    prefix + "https (plain http only for localhost, 127.x.x.x or ::1)",
                    prefix + "a URL without user info",
                    prefix + "a URL without query or fragment",
                    prefix + "no path, or the token path /services/oauth2/token");
        }
    }

    @Nested
    class ApiVersion {

        @ParameterizedTest
        @CsvSource({"v53.0,53.0", "53.0,53.0", "V60.0,60.0", "' v31.0 ',31.0", "100.0,100.0"})
        void isStoredWithoutTheV(String given, String stored) {
            Historical h = historical("emea");
            h.setApiVersion(given);
            assertEquals(stored, valid(config(h)).historical().get(0).access().apiVersion());
        }

        @ParameterizedTest
        @ValueSource(strings = {"53", "53.1", "v 53.0", "version53.0", "5.0", "053.0", "30.0", "v20.0", "99999999999.0"})
        void refusesOtherFormsAndVersionsBelow31(String given) {
            Historical h = historical("emea");
            h.setApiVersion(given);
            assertProblems(config(h), "historical \"emea\" connector.historical[0].api-version [Salesforce API version]: \""
                    + given + "\" is not accepted; expected a version such as 53.0 or v53.0, 31.0 or later");
        }
    }

    @Nested
    class Activities {

        @Test
        void areSplitOnSemicolonTrimmedWithEmptyEntriesDropped() {
            Historical h = historical("emea");
            h.setReadyTimeActivities(" Ready;; On call ;");
            h.setAdminTimeActivities(null);
            h.setIdleTimeActivities(";");
            ActivityCategories a = valid(config(h)).historical().get(0).activities();
            assertEquals(List.of("Ready", "On call"), a.ready());
            assertEquals(List.of(), a.admin());
            assertEquals(List.of(), a.idle());
            assertEquals(List.of("Not ready", "Training"), a.notReady());
            assertEquals(Category.READY, a.categoryOf("on call", null));
        }

        @Test
        void refusesTheSameActivityInTwoCategoriesCaseInsensitively() {
            Historical h = historical("emea");
            h.setReadyTimeActivities("Ready; email");
            assertProblems(config(h), "historical \"emea\" connector.historical[0].ready-time-activities [Ready time "
                    + "activities]: \"email\" is not accepted; expected an activity not already in Admin time activities");
        }

        @Test
        void acceptsAnActivityTwiceInTheSameList() {
            Historical h = historical("emea");
            h.setIdleTimeActivities("Idle; idle");
            assertEquals(Category.IDLE, valid(config(h)).historical().get(0).activities().categoryOf("IDLE", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Offline", "OFFLINE", " offline "})
        void refusesOfflineInAnyList(String offline) {
            Historical h = historical("emea");
            h.setNotReadyActivities("Not ready;" + offline);
            assertProblems(config(h), "historical \"emea\" connector.historical[0].not-ready-activities [Not-ready "
                    + "activities]: \"" + offline.trim() + "\" is not accepted; expected presence statuses only (Offline is "
                    + "not a presence status)");
        }
    }

    @Nested
    class Thresholds {

        @Test
        void defaultTo20And5Seconds() {
            HistoricalSettings h = valid(config(historical("emea"))).historical().get(0);
            assertEquals(20, h.serviceLevelThresholdSeconds());
            assertEquals(5, h.abandonedShortContactThresholdSeconds());
        }

        @Test
        void acceptWholeSecondsFrom0To86400AndAShortThresholdAboveTheServiceLevelOne() {
            Historical h = historical("emea");
            h.setServiceLevelThreshold("0");
            h.setAbandonedShortContactThreshold(" 86400 ");
            HistoricalSettings s = valid(config(h)).historical().get(0);
            assertEquals(0, s.serviceLevelThresholdSeconds());
            assertEquals(86400, s.abandonedShortContactThresholdSeconds());
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "-1", "86401", "20.5", "+20", "1e3", "99999999999"})
        void refuseAnythingElse(String bad) {
            Historical h = historical("emea");
            h.setServiceLevelThreshold(bad);
            h.setAbandonedShortContactThreshold(bad);
            assertProblems(config(h),
                    "historical \"emea\" connector.historical[0].service-level-threshold [Service level and abandonment "
                            + "threshold]: \"" + bad + "\" is not accepted; expected whole seconds from 0 to 86400",
                    "historical \"emea\" connector.historical[0].abandoned-short-contact-threshold [Abandoned short contact "
                            + "threshold]: \"" + bad + "\" is not accepted; expected whole seconds from 0 to 86400");
        }
    }

    @Nested
    class RealtimeNeedsHistorical {

        private static final String FIRST = " is not accepted; expected a group with an enabled historical integration "
                + "(configure the historical integration first)";

        @Test
        void refusedWithoutAHistoricalIntegrationOfItsGroup() {
            assertProblems(config(historical("emea"), realtime("apac")),
                    "realtime \"apac\" connector.realtime[0].group [Group]: \"apac\"" + FIRST);
        }

        @Test
        void refusedWhenTheHistoricalIntegrationIsDisabled() {
            Historical h = historical("emea");
            h.setStatus("disabled");
            assertProblems(config(h, realtime("emea")), "realtime \"emea\" connector.realtime[0].group [Group]: \"emea\"" + FIRST);
        }

        @Test
        void refusedForTheDefaultGroupToo() {
            assertProblems(config(realtime(null)), "realtime \"default\" connector.realtime[0].group [Group]: \"default\"" + FIRST);
        }

        @Test
        void groupsMatchCaseInsensitivelyAfterTrimming() {
            ConnectorSettings s = valid(config(historical("EMEA"), realtime(" emea ")));
            assertEquals("emea", s.realtime().get(0).group());
            assertTrue(s.historical(s.realtime().get(0).group()).isPresent());
        }

        @Test
        void aDisabledRealtimeIntegrationNeedsNone() {
            Realtime r = realtime("apac");
            r.setStatus("false");
            assertFalse(valid(config(r)).realtime().get(0).enabled());
        }
    }

    @Nested
    class PlatformEventName {

        private String topicOf(String name) {
            Realtime r = realtime("emea");
            r.setPlatformEventName(name);
            return valid(config(historical("emea"), r)).realtime().get(0).topic();
        }

        @ParameterizedTest
        @CsvSource({
                "WFM_Agent_State__e,/event/WFM_Agent_State__e",
                "/event/WFM_Agent_State__e,/event/WFM_Agent_State__e",
                "' AgentState__e ',/event/AgentState__e",
                "acme__Agent_State__e,/event/acme__Agent_State__e",
                "/data/UserServicePresenceChangeEvent,/data/UserServicePresenceChangeEvent",
                "/data/Employee__ChangeEvent,/data/Employee__ChangeEvent",
                "/data/ChangeEvents,/data/ChangeEvents"})
        void isNormalisedToATopic(String name, String topic) {
            assertEquals(topic, topicOf(name));
        }

        @ParameterizedTest
        @ValueSource(strings = {"WFM Agent State", "WFM_Agent_State", "/event/WFM_Agent_State", "WFM_Agent_State__c",
                "_Agent__e", "Agent_State___e", "Agent__State__Foo__e", "/data/Account", "/data/ChangeEvent",
                "/topic/Agent__e", "event/Agent__e", "1Agent__e"})
        void refusesWhatIsNotAValidApiName(String name) {
            Realtime r = realtime("emea");
            r.setPlatformEventName(name);
            assertProblems(config(historical("emea"), r),
                    "realtime \"emea\" connector.realtime[0].platform-event-name [Salesforce platform event name]: \"" + name
                            + "\" is not accepted; expected a platform event API name such as WFM_Agent_State__e or "
                            + "/event/WFM_Agent_State__e, or a change data capture channel such as /data/AccountChangeEvent");
        }
    }
}
