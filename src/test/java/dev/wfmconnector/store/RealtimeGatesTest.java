package dev.wfmconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

class RealtimeGatesTest {

    private static final Instant FIRST = Instant.parse("2026-11-24T10:02:30Z");
    private static final Instant LATER = Instant.parse("2026-11-24T10:17:30Z");

    @OnBothDatabases
    void theGateIsClosedUntilTheFirstSuccessfulHistoricalRun(TestDatabase db) {
        RealtimeGates gates = new RealtimeGates(db.jdbc());

        assertThat(gates.isOpen("emea")).isFalse();
        assertThat(gates.openedAt("emea")).isEmpty();

        gates.open("EMEA", 1, FIRST);

        assertThat(gates.isOpen("emea")).isTrue();
        assertThat(gates.openedAt("Emea")).contains(FIRST);
        assertThat(gates.isOpen("apac")).isFalse();
    }

    @OnBothDatabases
    void anOpenGateKeepsItsFirstOpening(TestDatabase db) {
        RealtimeGates gates = new RealtimeGates(db.jdbc());

        gates.open("emea", 1, FIRST);
        gates.open("emea", 2, LATER);

        assertThat(gates.openedAt("emea")).contains(FIRST);
        assertThat(db.jdbc().queryForObject("SELECT run_id FROM realtime_gates", Long.class)).isEqualTo(1);
    }
}
