package dev.wfmconnector.config;

import static dev.wfmconnector.config.Configs.assertProblems;
import static dev.wfmconnector.config.Configs.config;
import static dev.wfmconnector.config.Configs.historical;
import static dev.wfmconnector.config.Configs.realtime;
import static dev.wfmconnector.config.Configs.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.wfmconnector.config.ConnectorProperties.Historical;

/** {@code connector.defaults.*} with per-integration overrides, and {@code connector.outputs.*}. */
class OperationalAndOutputSettingsValidationTest {

    @Nested
    class Operational {

        @Test
        void defaultsApplyWhenNothingIsGiven() {
            ConnectorSettings s = valid(config(historical("emea"), realtime("emea")));
            assertEquals(OperationalSettings.DEFAULT, s.historical().get(0).operational());
            assertEquals(OperationalSettings.DEFAULT, s.realtime().get(0).operational());
        }

        @Test
        void connectorDefaultsApplyToEveryIntegrationAndAnIntegrationOverridesThem() {
            ConnectorProperties p = config(historical("emea"), historical("apac"));
            p.getDefaults().setIntervalMinutes("30");
            p.getDefaults().setIntervalTimeZone("Asia/Kolkata");
            p.getDefaults().getEventFields().setStatus("Presence__c");
            Historical apac = p.getHistorical().get(1);
            apac.setIntervalMinutes("60");
            apac.setSettleDelay("5m");
            apac.getEventFields().setUserId("Agent__c");

            OperationalSettings emea = valid(p).historical().get(0).operational();
            OperationalSettings overridden = valid(p).historical().get(1).operational();
            assertEquals(30, emea.intervalMinutes());
            assertEquals(ZoneId.of("Asia/Kolkata"), emea.intervalTimeZone());
            assertEquals(Duration.ofMinutes(2), emea.settleDelay());
            assertEquals(new EventFields("UserId__c", "Presence__c", "StatusStartDate__c"), emea.eventFields());
            assertEquals(60, overridden.intervalMinutes());
            assertEquals(ZoneId.of("Asia/Kolkata"), overridden.intervalTimeZone());
            assertEquals(Duration.ofMinutes(5), overridden.settleDelay());
            assertEquals(new EventFields("Agent__c", "Presence__c", "StatusStartDate__c"), overridden.eventFields());
        }

        @Test
        void everyOperationalSettingIsRead() {
            ConnectorProperties p = config(historical("emea"));
            ConnectorProperties.Operational d = p.getDefaults();
            d.setIntervalMinutes("60");
            d.setIntervalTimeZone("Europe/Berlin");
            d.setSchedule("0 5/30 * * * ?");
            d.setSettleDelay("PT3M");
            d.setLookback("4h");
            d.setInitialBackfill("P7D");
            d.setUserImportSchedule("0 30 2 * * ?");
            d.setPubsubHost("127.0.0.1");
            d.setPubsubPort("17443");
            d.getEventFields().setUserId("U__c");
            d.getEventFields().setStatus("S__c");
            d.getEventFields().setSince("CreatedDate");
            assertEquals(new OperationalSettings(60, ZoneId.of("Europe/Berlin"), "0 5/30 * * * ?", Duration.ofMinutes(3),
                    Duration.ofHours(4), Duration.ofDays(7), "0 30 2 * * ?", "127.0.0.1", 17443,
                    new EventFields("U__c", "S__c", "CreatedDate")), valid(p).historical().get(0).operational());
        }

        @Test
        void intervalMinutesAre15Or30Or60() {
            ConnectorProperties p = config(historical("emea"));
            p.getDefaults().setIntervalMinutes("20");
            p.getHistorical().get(0).setIntervalMinutes("45");
            assertProblems(p,
                    "connector.defaults.interval-minutes [Interval length]: \"20\" is not accepted; expected 15, 30 or 60",
                    "historical \"emea\" connector.historical[0].interval-minutes [Interval length]: \"45\" is not accepted; "
                            + "expected 15, 30 or 60");
        }

        @Test
        void intervalTimeZoneIsAZoneId() {
            ConnectorProperties p = config(historical("emea"));
            p.getDefaults().setIntervalTimeZone("Mars/Olympus");
            assertProblems(p, "connector.defaults.interval-time-zone [Interval time zone]: \"Mars/Olympus\" is not accepted; "
                    + "expected a time zone ID such as UTC or Asia/Kolkata");
        }

        @Test
        void schedulesAreQuartzCronExpressions() {
            ConnectorProperties p = config(historical("emea"));
            p.getDefaults().setSchedule("*/15 * * * *");
            p.getHistorical().get(0).setUserImportSchedule("daily");
            assertProblems(p,
                    "connector.defaults.schedule [Historical run schedule]: \"*/15 * * * *\" is not accepted; expected a "
                            + "Quartz cron expression such as 0 2/15 * * * ?",
                    "historical \"emea\" connector.historical[0].user-import-schedule [User import schedule]: \"daily\" is not "
                            + "accepted; expected a Quartz cron expression such as 0 0 3 * * ?");
        }

        @ParameterizedTest
        @CsvSource({"PT2M,PT2M", "pt90s,PT1M30S", "P1D,PT24H", "P1DT2H,PT26H", "2m,PT2M", "500ms,PT0.5S", "3H,PT3H",
                "1d,PT24H", "0s,PT0S", "PT0S,PT0S"})
        void durationsAreIso8601OrSimple(String given, String parsed) {
            Historical h = historical("emea");
            h.setLookback(given);
            assertEquals(Duration.parse(parsed), valid(config(h)).historical().get(0).operational().lookback());
        }

        @ParameterizedTest
        @ValueSource(strings = {"-PT1M", "2 minutes", "2x", "-2m", "P1M", "P1W", "PT"})
        void durationsRefuseAnythingElse(String given) {
            ConnectorProperties p = config(historical("emea"));
            p.getDefaults().setSettleDelay(given);
            p.getDefaults().setLookback(given);
            p.getDefaults().setInitialBackfill(given);
            String expected = "\"" + given + "\" is not accepted; expected a duration of zero or more, such as PT2M or 2m";
            assertProblems(p,
                    "connector.defaults.settle-delay [Settle delay]: " + expected,
                    "connector.defaults.lookback [Lookback]: " + expected,
                    "connector.defaults.initial-backfill [Initial backfill]: " + expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "65536", "port", "-1"})
        void pubsubPortIsFrom1To65535(String port) {
            ConnectorProperties p = config(historical("emea"));
            p.getDefaults().setPubsubPort(port);
            assertProblems(p, "connector.defaults.pubsub-port [Pub/Sub API port]: \"" + port + "\" is not accepted; "
                    + "expected a port from 1 to 65535");
        }

        @Test
        void pubsubHostIsAHostName() {
            ConnectorProperties p = config(historical("emea"));
            p.getDefaults().setPubsubHost("https://api.pubsub.salesforce.com:7443");
            assertProblems(p, "connector.defaults.pubsub-host [Pub/Sub API host]: \"https://api.pubsub.salesforce.com:7443\" "
                    + "is not accepted; expected a host name such as api.pubsub.salesforce.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"User Id", "UserId__c.x", "_UserId__c", "User__Id__c__c"})
        void eventFieldsAreFieldApiNames(String field) {
            ConnectorProperties p = config(historical("emea"), realtime("emea"));
            p.getRealtime().get(0).getEventFields().setSince(field);
            assertProblems(p, "realtime \"emea\" connector.realtime[0].event-fields.since [Platform event status start "
                    + "field]: \"" + field + "\" is not accepted; expected a field API name such as UserId__c");
        }
    }

    @Nested
    class Outputs {

        @Test
        void defaultsApplyWhenNothingIsGiven() {
            OutputSettings o = valid(config()).outputs();
            assertEquals(OutputSettings.DEFAULT, o);
            assertFalse(o.httpEnabled());
        }

        @Test
        void everyOutputSettingIsRead() {
            ConnectorProperties p = config();
            p.getOutputs().getJms().setEnabled("FALSE");
            p.getOutputs().getJms().setQueuePrefix("acme.wfm-");
            p.getOutputs().getHttp().setUrl(" https://wfm.example.com/records/ ");
            p.getOutputs().getHttp().setMaxAttempts("3");
            p.getOutputs().getHttp().setInitialBackoff("200ms");
            p.getOutputs().getHttp().setMaxBackoff("PT10S");
            assertEquals(new OutputSettings(false, "acme.wfm-", "https://wfm.example.com/records", 3, Duration.ofMillis(200),
                    Duration.ofSeconds(10)), valid(p).outputs());
        }

        @Test
        void jmsEnabledIsTrueOrFalse() {
            ConnectorProperties p = config();
            p.getOutputs().getJms().setEnabled("yes please");
            assertProblems(p, "connector.outputs.jms.enabled [JMS output]: \"yes please\" is not accepted; expected true or false");
        }

        @Test
        void queuePrefixHasNoSpaces() {
            ConnectorProperties p = config();
            p.getOutputs().getJms().setQueuePrefix("wfm queue.");
            assertProblems(p, "connector.outputs.jms.queue-prefix [JMS queue prefix]: \"wfm queue.\" is not accepted; "
                    + "expected letters, digits, '.', '_' or '-', such as wfm.");
        }

        @Test
        void httpUrlLeftOutTurnsHttpOff() {
            ConnectorProperties p = config();
            p.getOutputs().getHttp().setUrl("");
            assertNull(valid(p).outputs().httpUrl());
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://wfm.example.com", "wfm.example.com/records", "http://"})
        void httpUrlIsAnHttpOrHttpsUrl(String url) {
            ConnectorProperties p = config();
            p.getOutputs().getHttp().setUrl(url);
            assertProblems(p, "connector.outputs.http.url [HTTP output URL]: \"" + url + "\" is not accepted; expected an "
                    + "http or https URL such as https://wfm.example.com/records");
        }

        @Test
        void httpUrlHasNoUserInfoQueryOrFragment() {
            ConnectorProperties p = config();
            p.getOutputs().getHttp().setUrl("http://wfm:pw@wfm.example.com/in?key=1");
            String prefix = "connector.outputs.http.url [HTTP output URL]: \"http://***@wfm.example.com/in?key=1\" is not "
                    + "accepted; expected ";
            assertProblems(p, prefix + "a URL without user info", prefix + "a URL without query or fragment");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "many", "2.5"})
        void maxAttemptsIsAtLeastOne(String attempts) {
            ConnectorProperties p = config();
            p.getOutputs().getHttp().setMaxAttempts(attempts);
            assertProblems(p, "connector.outputs.http.max-attempts [HTTP attempts]: \"" + attempts + "\" is not accepted; "
                    + "expected a whole number of 1 or more");
        }

        @Test
        void backoffsAreAboveZero() {
            ConnectorProperties p = config();
            p.getOutputs().getHttp().setInitialBackoff("0s");
            p.getOutputs().getHttp().setMaxBackoff("-PT1M");
            assertProblems(p,
                    "connector.outputs.http.initial-backoff [HTTP initial backoff]: \"0s\" is not accepted; expected a "
                            + "duration above zero, such as PT1S or 1s",
                    "connector.outputs.http.max-backoff [HTTP maximum backoff]: \"-PT1M\" is not accepted; expected a "
                            + "duration above zero, such as PT1S or 1s");
        }

        @Test
        void initialBackoffIsAtMostTheMaximum() {
            ConnectorProperties p = config();
            p.getOutputs().getHttp().setInitialBackoff("PT5M");
            assertProblems(p, "connector.outputs.http.initial-backoff [HTTP initial backoff]: \"PT5M\" is not accepted; "
                    + "expected at most the maximum backoff (PT1M)");
        }

        @Test
        void maximumBackoffIsAtLeastTheDefaultInitialOne() {
            ConnectorProperties p = config();
            p.getOutputs().getHttp().setMaxBackoff("500ms");
            assertProblems(p, "connector.outputs.http.max-backoff [HTTP maximum backoff]: \"500ms\" is not accepted; "
                    + "expected at least the initial backoff (PT1S)");
        }

        @Test
        void equalBackoffsAreAccepted() {
            ConnectorProperties p = config();
            p.getOutputs().getHttp().setInitialBackoff("2s");
            p.getOutputs().getHttp().setMaxBackoff("PT2S");
            assertEquals(Duration.ofSeconds(2), valid(p).outputs().httpMaxBackoff());
        }
    }
}
