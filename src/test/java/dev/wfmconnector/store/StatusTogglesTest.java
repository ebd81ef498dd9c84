package dev.wfmconnector.store;

import static dev.wfmconnector.config.IntegrationType.HISTORICAL;
import static dev.wfmconnector.config.IntegrationType.REALTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StatusTogglesTest {

    @OnBothDatabases
    void theConfiguredStatusAppliesUntilOneIsSet(TestDatabase db) {
        assertThat(new StatusToggles(db.jdbc()).find(REALTIME, "emea")).isEmpty();
    }

    @OnBothDatabases
    void aStatusSetAgainReplacesTheEarlierOne(TestDatabase db) {
        StatusToggles toggles = new StatusToggles(db.jdbc());

        StatusToggle disabled = toggles.set(REALTIME, "EMEA", false);
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.group()).isEqualTo("emea");
        assertThat(disabled.setAt()).isNotNull();

        toggles.set(REALTIME, "emea", true);
        toggles.set(HISTORICAL, "emea", false);

        assertThat(toggles.find(REALTIME, "Emea").orElseThrow().enabled()).isTrue();
        assertThat(toggles.find(HISTORICAL, "emea").orElseThrow().enabled()).isFalse();
        assertThat(toggles.all()).extracting(StatusToggle::type, StatusToggle::enabled)
                .containsExactly(tuple(HISTORICAL, false),
                        tuple(REALTIME, true));
    }
}
