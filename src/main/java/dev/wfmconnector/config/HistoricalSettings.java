package dev.wfmconnector.config;

import dev.wfmconnector.historical.ActivityCategories;

/**
 * A validated historical integration.
 *
 * @param group                                 [Group], trimmed; {@code default} when left out
 * @param enabled                               [Status]
 * @param access                                OAuth client credentials, token URL, API version
 * @param activities                            [Admin/Idle/Not-ready/Ready time activities]
 * @param serviceLevelThresholdSeconds          [Service level and abandonment threshold] T
 * @param abandonedShortContactThresholdSeconds [Abandoned short contact threshold] S
 * @param operational                           connector.defaults merged with per-integration overrides
 */
public record HistoricalSettings(
        String group,
        boolean enabled,
        SalesforceAccess access,
        ActivityCategories activities,
        int serviceLevelThresholdSeconds,
        int abandonedShortContactThresholdSeconds,
        OperationalSettings operational) implements IntegrationSettings {

    @Override
    public IntegrationType type() {
        return IntegrationType.HISTORICAL;
    }
}
