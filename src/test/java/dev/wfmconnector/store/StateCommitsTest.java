package dev.wfmconnector.store;

import static dev.wfmconnector.config.IntegrationType.HISTORICAL;
import static dev.wfmconnector.config.IntegrationType.USER_IMPORT;
import static dev.wfmconnector.store.Users.id;
import static dev.wfmconnector.store.Users.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.store.StateCommits.HistoricalRunOutcome;
import java.time.Instant;
import java.util.List;

class StateCommitsTest {

    private static final Instant QUEUED = Instant.parse("2026-11-24T10:02:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-24T10:02:40Z");
    private static final Instant WATERMARK = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-11-24T09:45:00Z");
    private static final RunCounts COUNTS = new RunCounts(8, 3000, 2);

    private static final EmittedRecord QUEUE_INTERVAL = new EmittedRecord(
            "emea|queue-interval|00G000000000000001|2026-11-24T09:45:00Z", 1, "d".repeat(64), EARLIER, FINISHED);
    private static final StoredUser ADA = StoredUser.published(user(id(1), "Ada Lovelace"), 1);

    private record Store(StateCommits commits, Watermarks watermarks, EmittedRecords records, AgentRegistry agents,
                         RealtimeGates gates, UserSnapshots users, RunLog runs) {
        static Store on(TestDatabase db) {
            Watermarks watermarks = new Watermarks(db.jdbc());
            EmittedRecords records = new EmittedRecords(db.jdbc());
            AgentRegistry agents = new AgentRegistry(db.jdbc());
            RealtimeGates gates = new RealtimeGates(db.jdbc());
            UserSnapshots users = new UserSnapshots(db.jdbc());
            RunLog runs = new RunLog(db.jdbc());
            return new Store(new StateCommits(db.transactions(), watermarks, records, agents, gates, users, runs),
                    watermarks, records, agents, gates, users, runs);
        }
    }

    @OnBothDatabases
    void aSuccessfulHistoricalRunCommitsWatermarkDigestsAgentsRunAndGate(TestDatabase db) {
        Store store = Store.on(db);
        Run run = store.runs().queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);

        store.commits().historicalRunSucceeded(new HistoricalRunOutcome(
                "EMEA", run.id(), WATERMARK, List.of(QUEUE_INTERVAL), List.of(ADA), COUNTS, FINISHED));

        assertThat(store.watermarks().find("emea")).contains(WATERMARK);
        assertThat(store.records().find("emea", List.of(QUEUE_INTERVAL.key()))).containsValue(QUEUE_INTERVAL);
        assertThat(store.agents().find("emea", ADA.id()).orElseThrow().user()).isEqualTo(ADA.user());
        Run succeeded = store.runs().find(run.id()).orElseThrow();
        assertThat(succeeded.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(succeeded.counts()).isEqualTo(COUNTS);
        assertThat(store.gates().openedAt("emea")).contains(FINISHED);
    }

    @OnBothDatabases
    void aCommitThatFailsPartWayStoresNothing(TestDatabase db) {
        Store store = Store.on(db);
        Run first = store.runs().queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        store.commits().historicalRunSucceeded(new HistoricalRunOutcome(
                "emea", first.id(), EARLIER, List.of(), List.of(), RunCounts.NONE, QUEUED));
        Run second = store.runs().queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        EmittedRecord tooLong = new EmittedRecord("emea|queue-interval|x", 1, "e".repeat(65), EARLIER, FINISHED);

        assertThatThrownBy(() -> store.commits().historicalRunSucceeded(new HistoricalRunOutcome(
                "emea", second.id(), WATERMARK, List.of(QUEUE_INTERVAL, tooLong), List.of(ADA), COUNTS, FINISHED)))
                .isInstanceOf(RuntimeException.class);

        assertThat(store.watermarks().find("emea")).contains(EARLIER);
        assertThat(db.count("emitted_records")).isZero();
        assertThat(store.agents().find("emea", ADA.id())).isEmpty();
        assertThat(store.runs().find(second.id()).orElseThrow().state()).isEqualTo(RunState.QUEUED);
    }

    @OnBothDatabases
    void theWatermarkAndDigestsOfAnUnknownRunAreNotStored(TestDatabase db) {
        Store store = Store.on(db);

        assertThatThrownBy(() -> store.commits().historicalRunSucceeded(new HistoricalRunOutcome(
                "emea", 404, WATERMARK, List.of(QUEUE_INTERVAL), List.of(ADA), COUNTS, FINISHED)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.watermarks().find("emea")).isEmpty();
        assertThat(db.count("emitted_records")).isZero();
        assertThat(db.count("agents")).isZero();
        assertThat(store.gates().isOpen("emea")).isFalse();
    }

    @OnBothDatabases
    void aBackfillOfThePastLeavesTheWatermark(TestDatabase db) {
        Store store = Store.on(db);
        Run scheduled = store.runs().queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        store.commits().historicalRunSucceeded(new HistoricalRunOutcome(
                "emea", scheduled.id(), WATERMARK, List.of(), List.of(), COUNTS, FINISHED));
        Run backfill = store.runs().queue(HISTORICAL, "emea", RunKind.BACKFILL, EARLIER.minusSeconds(86400), EARLIER,
                96, QUEUED);

        store.commits().historicalRunSucceeded(new HistoricalRunOutcome(
                "emea", backfill.id(), null, List.of(QUEUE_INTERVAL), List.of(), COUNTS, FINISHED.plusSeconds(60)));

        assertThat(store.watermarks().find("emea")).contains(WATERMARK);
        assertThat(store.records().find("emea", List.of(QUEUE_INTERVAL.key()))).hasSize(1);
        assertThat(store.gates().openedAt("emea")).contains(FINISHED);
    }

    @OnBothDatabases
    void aUserImportCommitsItsUsersWithItsRunOrNothing(TestDatabase db) {
        Store store = Store.on(db);
        Run run = store.runs().queue(USER_IMPORT, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);

        assertThatThrownBy(() -> store.commits().userImportSucceeded("emea", 404, List.of(ADA), COUNTS, FINISHED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.users().all("emea")).isEmpty();

        store.commits().userImportSucceeded("emea", run.id(), List.of(ADA), COUNTS, FINISHED);

        assertThat(store.users().all("emea")).containsOnlyKeys(ADA.id());
        assertThat(store.runs().find(run.id()).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
    }
}
