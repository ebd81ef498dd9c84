package dev.wfmconnector.config;

/**
 * Every setting a problem can be reported on: its property name under its parent ({@code connector.historical[n]},
 * {@code connector.defaults}, {@code connector.outputs}) and its display name, in brackets in messages. The display
 * names of integration fields are those of the WFM settings screen.
 */
enum Setting {
    GROUP("group", "Group"),
    STATUS("status", "Status"),
    OAUTH_CLIENT_ID("oauth-client-id", "OAuth 2.0 client ID"),
    OAUTH_CLIENT_SECRET("oauth-client-secret", "OAuth 2.0 client secret"),
    OAUTH_URL("oauth-url", "OAuth 2.0 URL"),
    API_VERSION("api-version", "Salesforce API version"),
    ADMIN_TIME_ACTIVITIES("admin-time-activities", "Admin time activities"),
    IDLE_TIME_ACTIVITIES("idle-time-activities", "Idle time activities"),
    NOT_READY_ACTIVITIES("not-ready-activities", "Not-ready activities"),
    READY_TIME_ACTIVITIES("ready-time-activities", "Ready time activities"),
    SERVICE_LEVEL_THRESHOLD("service-level-threshold", "Service level and abandonment threshold"),
    ABANDONED_SHORT_CONTACT_THRESHOLD("abandoned-short-contact-threshold", "Abandoned short contact threshold"),
    PLATFORM_EVENT_NAME("platform-event-name", "Salesforce platform event name"),

    INTERVAL_MINUTES("interval-minutes", "Interval length"),
    INTERVAL_TIME_ZONE("interval-time-zone", "Interval time zone"),
    SCHEDULE("schedule", "Historical run schedule"),
    SETTLE_DELAY("settle-delay", "Settle delay"),
    LOOKBACK("lookback", "Lookback"),
    INITIAL_BACKFILL("initial-backfill", "Initial backfill"),
    USER_IMPORT_SCHEDULE("user-import-schedule", "User import schedule"),
    PUBSUB_HOST("pubsub-host", "Pub/Sub API host"),
    PUBSUB_PORT("pubsub-port", "Pub/Sub API port"),
    EVENT_FIELD_USER_ID("event-fields.user-id", "Platform event user ID field"),
    EVENT_FIELD_STATUS("event-fields.status", "Platform event status field"),
    EVENT_FIELD_SINCE("event-fields.since", "Platform event status start field"),

    JMS_ENABLED("jms.enabled", "JMS output"),
    JMS_QUEUE_PREFIX("jms.queue-prefix", "JMS queue prefix"),
    HTTP_URL("http.url", "HTTP output URL"),
    HTTP_MAX_ATTEMPTS("http.max-attempts", "HTTP attempts"),
    HTTP_INITIAL_BACKOFF("http.initial-backoff", "HTTP initial backoff"),
    HTTP_MAX_BACKOFF("http.max-backoff", "HTTP maximum backoff");

    private final String property;
    private final String displayName;

    Setting(String property, String displayName) {
        this.property = property;
        this.displayName = displayName;
    }

    /** The kebab-case name below the parent, e.g. {@code event-fields.user-id}. */
    String property() {
        return property;
    }

    /** The name users know, e.g. {@code OAuth 2.0 client ID}. */
    String displayName() {
        return displayName;
    }

    /** Whether the value is a secret, never echoed in any message. */
    boolean secret() {
        return this == OAUTH_CLIENT_SECRET;
    }
}
