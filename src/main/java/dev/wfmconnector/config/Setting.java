package dev.wfmconnector.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every setting a problem can be reported on: its property name under its parent ({@code connector.historical[n]},
 * {@code connector.defaults}, {@code connector.outputs}) and its display name, in brackets in messages. The display
 * names of integration fields are those of the WFM settings screen.
 */
enum Setting {
    GROUP(Part.INTEGRATION, "group", "Group"),
    STATUS(Part.INTEGRATION, "status", "Status"),
    OAUTH_CLIENT_ID(Part.INTEGRATION, "oauth-client-id", "OAuth 2.0 client ID"),
    OAUTH_CLIENT_SECRET(Part.INTEGRATION, "oauth-client-secret", "OAuth 2.0 client secret"),
    OAUTH_URL(Part.INTEGRATION, "oauth-url", "OAuth 2.0 URL"),
    API_VERSION(Part.INTEGRATION, "api-version", "Salesforce API version"),
    ADMIN_TIME_ACTIVITIES(Part.HISTORICAL, "admin-time-activities", "Admin time activities"),
    IDLE_TIME_ACTIVITIES(Part.HISTORICAL, "idle-time-activities", "Idle time activities"),
    NOT_READY_ACTIVITIES(Part.HISTORICAL, "not-ready-activities", "Not-ready activities"),
    READY_TIME_ACTIVITIES(Part.HISTORICAL, "ready-time-activities", "Ready time activities"),
    SERVICE_LEVEL_THRESHOLD(Part.HISTORICAL, "service-level-threshold", "Service level and abandonment threshold"),
    ABANDONED_SHORT_CONTACT_THRESHOLD(Part.HISTORICAL, "abandoned-short-contact-threshold", "Abandoned short contact threshold"),
    PLATFORM_EVENT_NAME(Part.REALTIME, "platform-event-name", "Salesforce platform event name"),

    INTERVAL_MINUTES(Part.OPERATIONAL, "interval-minutes", "Interval length"),
    INTERVAL_TIME_ZONE(Part.OPERATIONAL, "interval-time-zone", "Interval time zone"),
    SCHEDULE(Part.OPERATIONAL, "schedule", "Historical run schedule"),
    SETTLE_DELAY(Part.OPERATIONAL, "settle-delay", "Settle delay"),
    LOOKBACK(Part.OPERATIONAL, "lookback", "Lookback"),
    INITIAL_BACKFILL(Part.OPERATIONAL, "initial-backfill", "Initial backfill"),
    USER_IMPORT_SCHEDULE(Part.OPERATIONAL, "user-import-schedule", "User import schedule"),
    PUBSUB_HOST(Part.OPERATIONAL, "pubsub-host", "Pub/Sub API host"),
    PUBSUB_PORT(Part.OPERATIONAL, "pubsub-port", "Pub/Sub API port"),
    EVENT_FIELD_USER_ID(Part.OPERATIONAL, "event-fields.user-id", "Platform event user ID field"),
    EVENT_FIELD_STATUS(Part.OPERATIONAL, "event-fields.status", "Platform event status field"),
    EVENT_FIELD_SINCE(Part.OPERATIONAL, "event-fields.since", "Platform event status start field"),

    JMS_ENABLED(Part.OUTPUT, "jms.enabled", "JMS output"),
    JMS_QUEUE_PREFIX(Part.OUTPUT, "jms.queue-prefix", "JMS queue prefix"),
    HTTP_URL(Part.OUTPUT, "http.url", "HTTP output URL"),
    HTTP_MAX_ATTEMPTS(Part.OUTPUT, "http.max-attempts", "HTTP attempts"),
    HTTP_INITIAL_BACKOFF(Part.OUTPUT, "http.initial-backoff", "HTTP initial backoff"),
    HTTP_MAX_BACKOFF(Part.OUTPUT, "http.max-backoff", "HTTP maximum backoff");

    /** Where a setting may be given. */
    enum Part {
        /** On every integration. */
        INTEGRATION,
        /** On historical integrations. */
        HISTORICAL,
        /** On realtime integrations. */
        REALTIME,
        /** Under {@code connector.defaults} and on every integration. */
        OPERATIONAL,
        /** Under {@code connector.outputs}. */
        OUTPUT;

        /** What may be given under {@code connector.defaults}. */
        static final Set<Part> DEFAULTS = EnumSet.of(OPERATIONAL);

        /** What may be given on an integration of a type. */
        static Set<Part> of(IntegrationType type) {
            return switch (type) {
                case HISTORICAL -> EnumSet.of(INTEGRATION, HISTORICAL, OPERATIONAL);
                case REALTIME -> EnumSet.of(INTEGRATION, REALTIME, OPERATIONAL);
                case USER_IMPORT -> EnumSet.of(INTEGRATION, OPERATIONAL);
            };
        }
    }

    private final Part part;
    private final String property;
    private final String displayName;

    Setting(Part part, String property, String displayName) {
        this.part = part;
        this.property = property;
        this.displayName = displayName;
    }

    Part part() {
        return part;
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
