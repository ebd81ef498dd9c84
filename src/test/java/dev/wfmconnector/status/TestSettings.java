package dev.wfmconnector.status;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.HistoricalSettings;
import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.OperationalSettings;
import dev.wfmconnector.config.OutputSettings;
import dev.wfmconnector.config.RealtimeSettings;
import dev.wfmconnector.config.SalesforceAccess;
import dev.wfmconnector.config.UserImportSettings;
import dev.wfmconnector.historical.ActivityCategories;
import java.util.Arrays;
import java.util.List;

/** Validated settings for tests, built from the shared settings records. */
public final class TestSettings {

    public static final String TOKEN_URL = "https://acme.my.salesforce.com/services/oauth2/token";

    private TestSettings() {
    }

    public static SalesforceAccess access(String clientId, String secret) {
        return new SalesforceAccess(clientId, secret, TOKEN_URL, "53.0");
    }

    public static HistoricalSettings historical(String group, boolean enabled, String secret) {
        return new HistoricalSettings(group, enabled, access("3MVG9-historical-" + group, secret),
                new ActivityCategories(List.of("Admin", "Email"), List.of("Idle"), List.of("Not ready", "Training"),
                        List.of("Ready", "On call")),
                20, 5, OperationalSettings.DEFAULT);
    }

    public static RealtimeSettings realtime(String group, boolean enabled, String secret) {
        return new RealtimeSettings(group, enabled, access("3MVG9-realtime-" + group, secret),
                "/event/WFM_Agent_State__e", OperationalSettings.DEFAULT);
    }

    public static UserImportSettings userImport(String group, boolean enabled, String secret) {
        return new UserImportSettings(group, enabled, access("3MVG9-user-import-" + group, secret),
                OperationalSettings.DEFAULT);
    }

    public static ConnectorSettings of(IntegrationSettings... integrations) {
        List<IntegrationSettings> all = Arrays.asList(integrations);
        return new ConnectorSettings(
                all.stream().filter(HistoricalSettings.class::isInstance).map(HistoricalSettings.class::cast).toList(),
                all.stream().filter(RealtimeSettings.class::isInstance).map(RealtimeSettings.class::cast).toList(),
                all.stream().filter(UserImportSettings.class::isInstance).map(UserImportSettings.class::cast).toList(),
                OutputSettings.DEFAULT);
    }
}
