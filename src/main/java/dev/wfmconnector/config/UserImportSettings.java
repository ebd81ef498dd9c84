package dev.wfmconnector.config;

/** A validated user-import integration. */
public record UserImportSettings(
        String group,
        boolean enabled,
        SalesforceAccess access,
        OperationalSettings operational) implements IntegrationSettings {

    @Override
    public IntegrationType type() {
        return IntegrationType.USER_IMPORT;
    }
}
