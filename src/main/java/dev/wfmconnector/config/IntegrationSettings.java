package dev.wfmconnector.config;

/** What every integration has: its type, group, status, Salesforce access and operational settings. */
public sealed interface IntegrationSettings permits HistoricalSettings, RealtimeSettings, UserImportSettings {
    IntegrationType type();

    String group();

    boolean enabled();

    SalesforceAccess access();

    OperationalSettings operational();
}
