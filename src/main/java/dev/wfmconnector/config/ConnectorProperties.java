package dev.wfmconnector.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code connector.*} tree exactly as written, every value as text, so that {@link SettingsValidator} can
 * check them all in one place and report every problem at once. A value left out is {@code null}; its default is
 * applied by the validator ({@link OperationalSettings#DEFAULT}, {@link OutputSettings#DEFAULT}). Nothing reads
 * these raw values except the validator: other code uses the validated {@link ConnectorSettings} bean.
 */
@ConfigurationProperties("connector")
public class ConnectorProperties {

    /**
     * Historical integrations, one per group: every interval they read Omni-Channel presence and work history,
     * bucket agent time into activity categories, evaluate service-level thresholds per queue and sync agents.
     */
    private List<Historical> historical = new ArrayList<>();

    /**
     * Realtime integrations, one per group: they subscribe to a Salesforce platform event and publish each agent
     * state change. Each needs the enabled historical integration of its group.
     */
    private List<Realtime> realtime = new ArrayList<>();

    /** User-import integrations, one per group: they import Salesforce users into the WFM platform. */
    private List<UserImport> userImport = new ArrayList<>();

    /** Operational settings of every integration; each integration may override them under the same names. */
    private Operational defaults = new Operational();

    /** Where records are published: JMS (default) and optionally HTTP. */
    private Outputs outputs = new Outputs();

    public List<Historical> getHistorical() {
        return historical;
    }

    public void setHistorical(List<Historical> historical) {
        this.historical = historical;
    }

    public List<Realtime> getRealtime() {
        return realtime;
    }

    public void setRealtime(List<Realtime> realtime) {
        this.realtime = realtime;
    }

    public List<UserImport> getUserImport() {
        return userImport;
    }

    public void setUserImport(List<UserImport> userImport) {
        this.userImport = userImport;
    }

    public Operational getDefaults() {
        return defaults;
    }

    public void setDefaults(Operational defaults) {
        this.defaults = defaults;
    }

    public Outputs getOutputs() {
        return outputs;
    }

    public void setOutputs(Outputs outputs) {
        this.outputs = outputs;
    }

    /**
     * Operational settings the WFM settings screen does not show: {@code connector.defaults.*}, and the same names
     * on an integration to override them for that integration only.
     */
    public static class Operational {

        /** [Interval length] Minutes per interval: 15, 30 or 60. Default 15. */
        private String intervalMinutes;

        /**
         * [Interval time zone] Time zone ID whose clock the interval boundaries follow, e.g. Asia/Kolkata for
         * 30/60-minute intervals on the local half hour. Instants are published in UTC. Default UTC.
         */
        private String intervalTimeZone;

        /** [Historical run schedule] Quartz cron expression of historical runs. Default "0 2/15 * * * ?". */
        private String schedule;

        /**
         * [Settle delay] How long after an interval ends before it is read, as an ISO-8601 duration (PT2M) or a
         * simple one (2m). Default PT2M.
         */
        private String settleDelay;

        /** [Lookback] How far back each run re-reads to catch late data, e.g. PT2H or 2h. Default PT2H. */
        private String lookback;

        /** [Initial backfill] What the first run of a new group reads, e.g. P1D or 1d. Default P1D. */
        private String initialBackfill;

        /** [User import schedule] Quartz cron expression of user imports. Default "0 0 3 * * ?". */
        private String userImportSchedule;

        /** [Pub/Sub API host] Host of the Salesforce Pub/Sub API. Default api.pubsub.salesforce.com. */
        private String pubsubHost;

        /** [Pub/Sub API port] Port of the Salesforce Pub/Sub API, 1 to 65535. Default 7443. */
        private String pubsubPort;

        /** Field names of the realtime platform event. */
        private EventFieldNames eventFields = new EventFieldNames();

        public String getIntervalMinutes() {
            return intervalMinutes;
        }

        public void setIntervalMinutes(String intervalMinutes) {
            this.intervalMinutes = intervalMinutes;
        }

        public String getIntervalTimeZone() {
            return intervalTimeZone;
        }

        public void setIntervalTimeZone(String intervalTimeZone) {
            this.intervalTimeZone = intervalTimeZone;
        }

        public String getSchedule() {
            return schedule;
        }

        public void setSchedule(String schedule) {
            this.schedule = schedule;
        }

        public String getSettleDelay() {
            return settleDelay;
        }

        public void setSettleDelay(String settleDelay) {
            this.settleDelay = settleDelay;
        }

        public String getLookback() {
            return lookback;
        }

        public void setLookback(String lookback) {
            this.lookback = lookback;
        }

        public String getInitialBackfill() {
            return initialBackfill;
        }

        public void setInitialBackfill(String initialBackfill) {
            this.initialBackfill = initialBackfill;
        }

        public String getUserImportSchedule() {
            return userImportSchedule;
        }

        public void setUserImportSchedule(String userImportSchedule) {
            this.userImportSchedule = userImportSchedule;
        }

        public String getPubsubHost() {
            return pubsubHost;
        }

        public void setPubsubHost(String pubsubHost) {
            this.pubsubHost = pubsubHost;
        }

        public String getPubsubPort() {
            return pubsubPort;
        }

        public void setPubsubPort(String pubsubPort) {
            this.pubsubPort = pubsubPort;
        }

        public EventFieldNames getEventFields() {
            return eventFields;
        }

        public void setEventFields(EventFieldNames eventFields) {
            this.eventFields = eventFields;
        }
    }

    /** Field API names of the realtime platform event. */
    public static class EventFieldNames {

        /** [Platform event user ID field] Field holding the Salesforce user ID (required in each event). Default UserId__c. */
        private String userId;

        /** [Platform event status field] Field holding the presence status label, or Offline on logout. Default StatusName__c. */
        private String status;

        /**
         * [Platform event status start field] Field holding when the status started (optional in each event; the
         * event's CreatedDate when empty). Default StatusStartDate__c.
         */
        private String since;

        public String getUserId() {
            return userId;
        }

        public void setUserId(String userId) {
            this.userId = userId;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public String getSince() {
            return since;
        }

        public void setSince(String since) {
            this.since = since;
        }
    }

    /** The fields every integration has on the settings screen, plus its overrides of the operational settings. */
    public abstract static class Integration extends Operational {

        /**
         * [Group] Name tying the historical, realtime and user-import integrations of one Salesforce org together;
         * letters, digits, spaces, '_', '.' and '-', at most 64 characters, compared case-insensitively. May be
         * left out when it is the only integration of its type; it is then called "default".
         */
        private String group;

        /** [Status] enabled or disabled (true or false also accepted). Default enabled. */
        private String status;

        /** [OAuth 2.0 client ID] Consumer key of the org's connected app; required when enabled. */
        private String oauthClientId;

        /** [OAuth 2.0 client secret] Consumer secret of the org's connected app; required when enabled. Never shown. */
        private String oauthClientSecret;

        /**
         * [OAuth 2.0 URL] The org's My Domain URL (https://acme.my.salesforce.com) or its token URL
         * (.../services/oauth2/token); https only, plain http for loopback hosts. Default
         * https://login.salesforce.com/services/oauth2/token.
         */
        private String oauthUrl;

        /** [Salesforce API version] "53.0" or "v53.0"; 31.0 or later; required when enabled. */
        private String apiVersion;

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public String getOauthClientId() {
            return oauthClientId;
        }

        public void setOauthClientId(String oauthClientId) {
            this.oauthClientId = oauthClientId;
        }

        public String getOauthClientSecret() {
            return oauthClientSecret;
        }

        public void setOauthClientSecret(String oauthClientSecret) {
            this.oauthClientSecret = oauthClientSecret;
        }

        public String getOauthUrl() {
            return oauthUrl;
        }

        public void setOauthUrl(String oauthUrl) {
            this.oauthUrl = oauthUrl;
        }

        public String getApiVersion() {
            return apiVersion;
        }

        public void setApiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
        }
    }

    /** A historical integration ({@code connector.historical[n]}). */
    public static class Historical extends Integration {

        /** [Admin time activities] Presence statuses counted as admin time, separated by ';'. */
        private String adminTimeActivities;

        /** [Idle time activities] Presence statuses counted as idle time, separated by ';'. */
        private String idleTimeActivities;

        /** [Not-ready activities] Presence statuses counted as not-ready time, separated by ';'. */
        private String notReadyActivities;

        /** [Ready time activities] Presence statuses counted as ready time, separated by ';'. */
        private String readyTimeActivities;

        /**
         * [Service level and abandonment threshold] Seconds T: contacts answered within T count towards the service
         * level, contacts abandoned within T (after S) as abandoned within threshold. 0 to 86400, default 20.
         */
        private String serviceLevelThreshold;

        /** [Abandoned short contact threshold] Seconds S: contacts abandoned within S are short abandons. 0 to 86400, default 5. */
        private String abandonedShortContactThreshold;

        public String getAdminTimeActivities() {
            return adminTimeActivities;
        }

        public void setAdminTimeActivities(String adminTimeActivities) {
            this.adminTimeActivities = adminTimeActivities;
        }

        public String getIdleTimeActivities() {
            return idleTimeActivities;
        }

        public void setIdleTimeActivities(String idleTimeActivities) {
            this.idleTimeActivities = idleTimeActivities;
        }

        public String getNotReadyActivities() {
            return notReadyActivities;
        }

        public void setNotReadyActivities(String notReadyActivities) {
            this.notReadyActivities = notReadyActivities;
        }

        public String getReadyTimeActivities() {
            return readyTimeActivities;
        }

        public void setReadyTimeActivities(String readyTimeActivities) {
            this.readyTimeActivities = readyTimeActivities;
        }

        public String getServiceLevelThreshold() {
            return serviceLevelThreshold;
        }

        public void setServiceLevelThreshold(String serviceLevelThreshold) {
            this.serviceLevelThreshold = serviceLevelThreshold;
        }

        public String getAbandonedShortContactThreshold() {
            return abandonedShortContactThreshold;
        }

        public void setAbandonedShortContactThreshold(String abandonedShortContactThreshold) {
            this.abandonedShortContactThreshold = abandonedShortContactThreshold;
        }
    }

    /** A realtime integration ({@code connector.realtime[n]}). */
    public static class Realtime extends Integration {

        /**
         * [Salesforce platform event name] The platform event carrying agent state changes: WFM_Agent_State__e or
         * /event/WFM_Agent_State__e; a change data capture channel (/data/...ChangeEvent) is accepted too.
         * Required when enabled.
         */
        private String platformEventName;

        public String getPlatformEventName() {
            return platformEventName;
        }

        public void setPlatformEventName(String platformEventName) {
            this.platformEventName = platformEventName;
        }
    }

    /** A user-import integration ({@code connector.user-import[n]}). */
    public static class UserImport extends Integration {
    }

    /** {@code connector.outputs.*}. */
    public static class Outputs {

        /** JMS output: one queue per record type. */
        private Jms jms = new Jms();

        /** HTTP output: POST of JSON arrays. */
        private Http http = new Http();

        public Jms getJms() {
            return jms;
        }

        public void setJms(Jms jms) {
            this.jms = jms;
        }

        public Http getHttp() {
            return http;
        }

        public void setHttp(Http http) {
            this.http = http;
        }
    }

    /** {@code connector.outputs.jms.*}. */
    public static class Jms {

        /** [JMS output] Whether records are sent to JMS queues: true or false. Default true. */
        private String enabled;

        /** [JMS queue prefix] Prefix of the queue names, e.g. "wfm." gives wfm.queue-interval. Default "wfm.". */
        private String queuePrefix;

        public String getEnabled() {
            return enabled;
        }

        public void setEnabled(String enabled) {
            this.enabled = enabled;
        }

        public String getQueuePrefix() {
            return queuePrefix;
        }

        public void setQueuePrefix(String queuePrefix) {
            this.queuePrefix = queuePrefix;
        }
    }

    /** {@code connector.outputs.http.*}. */
    public static class Http {

        /**
         * [HTTP output URL] Base URL; records are POSTed to url/type (e.g. url/queue-interval); http or https, without user
         * info, query or fragment. Unset: HTTP output off.
         */
        private String url;

        /** [HTTP attempts] How many times a batch is tried, counting the first attempt; 1 or more. Default 8. */
        private String maxAttempts;

        /** [HTTP initial backoff] Wait before the first retry, doubling after each; above zero. Default PT1S. */
        private String initialBackoff;

        /** [HTTP maximum backoff] Longest wait between retries; at least the initial backoff. Default PT1M. */
        private String maxBackoff;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(String maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public String getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(String initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public String getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(String maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }
}
