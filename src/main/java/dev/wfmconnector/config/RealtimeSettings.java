package dev.wfmconnector.config;

/**
 * A validated realtime integration.
 *
 * @param group       [Group]; links to the historical integration of the same group
 * @param enabled     [Status]
 * @param access      OAuth client credentials, token URL, API version
 * @param topic       [Salesforce platform event name] as a Pub/Sub topic: {@code /event/X__e} or {@code /data/...ChangeEvent}
 * @param operational connector.defaults merged with per-integration overrides
 */
public record RealtimeSettings(
        String group,
        boolean enabled,
        SalesforceAccess access,
        String topic,
        OperationalSettings operational) implements IntegrationSettings {

    @Override
    public IntegrationType type() {
        return IntegrationType.REALTIME;
    }
}
