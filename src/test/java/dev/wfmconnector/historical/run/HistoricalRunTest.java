package dev.wfmconnector.historical.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.config.HistoricalSettings;
import dev.wfmconnector.config.OperationalSettings;
import dev.wfmconnector.config.SalesforceAccess;
import dev.wfmconnector.historical.ActivityCategories;
import dev.wfmconnector.historical.RunWindow;
import dev.wfmconnector.simulator.MutableClock;
import dev.wfmconnector.store.RunKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the route's SOQL and loops read from a run: chunks, SOQL datetimes, user batches, stop. */
class HistoricalRunTest {

    private static final HistoricalSettings SETTINGS = new HistoricalSettings("emea", true,
            new SalesforceAccess("id", "secret", "https://acme.my.salesforce.com/services/oauth2/token", "53.0"),
            new ActivityCategories(List.of("Admin"), List.of("Idle"), List.of("Not ready"), List.of("Ready")), 20, 5,
            OperationalSettings.DEFAULT);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:02:00Z"));
    private final ActiveIntegration integration = new ActiveIntegration(SETTINGS, null);

    private HistoricalRun run(String from, String to) {
        RunWindow window = integration.planner().backfill(Instant.parse(from), Instant.parse(to), clock.instant());
        return new HistoricalRun(integration, 7, RunKind.BACKFILL, window, clock, false, List::of);
    }

    @Test
    void aLongWindowIsWorkedADayAtATime() {
        HistoricalRun run = run("2026-11-22T12:00:00Z", "2026-11-23T22:00:00Z");
        assertThat(run.nextChunk()).isTrue();
        assertThat(run.getChunkStart()).isEqualTo("2026-11-22T12:00:00Z");
        assertThat(run.getChunkEnd()).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(run.chunkStartMinus("PT1H")).isEqualTo("2026-11-22T11:00:00Z");
        assertThat(run.isLastChunk()).isFalse();
        run.chunkDone();
        assertThat(run.nextChunk()).isTrue();
        assertThat(run.getChunkStart()).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(run.getChunkEnd()).isEqualTo("2026-11-23T22:00:00Z");
        assertThat(run.isLastChunk()).isTrue();
        run.chunkDone();
        assertThat(run.nextChunk()).isFalse();
        assertThat(run.counts().intervalsDone()).isEqualTo(136);
    }

    @Test
    void anEmptyWindowHasNoChunk() {
        HistoricalRun run = run("2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z");
        assertThat(run.window().isEmpty()).isTrue();
        assertThat(run.nextChunk()).isFalse();
    }

    @Test
    void theUsersSeenAreReadInBatchesOfSalesforceIds() {
        HistoricalRun run = run("2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z");
        run.nextChunk();
        run.computed(List.of(), Set.of("005000000000003AAA", "005000000000001AAA", "005000000000002", "x'; DROP"));
        assertThat(run.nextUserBatch(2)).isTrue();
        assertThat(run.getUserIds()).isEqualTo("'005000000000001AAA', '005000000000002'");
        assertThat(run.nextUserBatch(2)).isTrue();
        assertThat(run.getUserIds()).isEqualTo("'005000000000003AAA'");
        assertThat(run.nextUserBatch(2)).isFalse();
        assertThat(run.skippedRows().get("User").byReason()).containsEntry("user id is not a Salesforce id", 1L);
    }

    @Test
    void aStoppingIntegrationEndsTheRunAtItsNextStep() {
        HistoricalRun run = run("2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z");
        run.nextChunk();
        integration.stop();
        assertThatThrownBy(() -> run.nextUserBatch(200)).hasMessageContaining("stopped during the run");
        assertThatThrownBy(run::nextChunk).hasMessageContaining("stopped during the run");
    }
}
