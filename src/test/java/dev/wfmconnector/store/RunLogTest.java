package dev.wfmconnector.store;

import static dev.wfmconnector.config.IntegrationType.HISTORICAL;
import static dev.wfmconnector.config.IntegrationType.USER_IMPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

class RunLogTest {

    private static final Instant QUEUED = Instant.parse("2026-11-24T10:02:00Z");
    private static final Instant STARTED = Instant.parse("2026-11-24T10:02:01Z");
    private static final Instant FINISHED = Instant.parse("2026-11-24T10:02:30Z");
    private static final Instant FROM = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-24T10:00:00Z");

    @OnBothDatabases
    void aScheduledRunGoesFromQueuedThroughRunningToSucceeded(TestDatabase db) {
        RunLog runs = new RunLog(db.jdbc());

        Run queued = runs.queue(HISTORICAL, "EMEA", RunKind.SCHEDULED, null, null, 0, QUEUED);
        assertThat(queued.state()).isEqualTo(RunState.QUEUED);
        assertThat(queued.type()).isEqualTo(HISTORICAL);
        assertThat(queued.group()).isEqualTo("emea");
        assertThat(queued.kind()).isEqualTo(RunKind.SCHEDULED);
        assertThat(queued.queuedAt()).isEqualTo(QUEUED);
        assertThat(queued.counts()).isEqualTo(RunCounts.NONE);
        assertThat(queued.windowFrom()).isNull();
        assertThat(queued.startedAt()).isNull();

        runs.start(queued.id(), FROM, TO, 8, STARTED);
        runs.progress(queued.id(), new RunCounts(3, 1200, 40));
        Run running = runs.find(queued.id()).orElseThrow();
        assertThat(running.state()).isEqualTo(RunState.RUNNING);
        assertThat(running.windowFrom()).isEqualTo(FROM);
        assertThat(running.windowTo()).isEqualTo(TO);
        assertThat(running.intervalsTotal()).isEqualTo(8);
        assertThat(running.counts()).isEqualTo(new RunCounts(3, 1200, 40));
        assertThat(running.startedAt()).isEqualTo(STARTED);

        runs.succeed(queued.id(), new RunCounts(8, 3000, 95), FINISHED);
        Run done = runs.find(queued.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(done.state().finished()).isTrue();
        assertThat(done.counts()).isEqualTo(new RunCounts(8, 3000, 95));
        assertThat(done.finishedAt()).isEqualTo(FINISHED);
        assertThat(done.error()).isNull();
    }

    @OnBothDatabases
    void aBackfillKeepsTheWindowItWasQueuedWith(TestDatabase db) {
        RunLog runs = new RunLog(db.jdbc());

        Run backfill = runs.queue(HISTORICAL, "emea", RunKind.BACKFILL, FROM, TO, 8, QUEUED);
        runs.start(backfill.id(), null, null, 0, STARTED);

        Run running = runs.find(backfill.id()).orElseThrow();
        assertThat(running.kind()).isEqualTo(RunKind.BACKFILL);
        assertThat(running.windowFrom()).isEqualTo(FROM);
        assertThat(running.windowTo()).isEqualTo(TO);
        assertThat(running.intervalsTotal()).isEqualTo(8);
    }

    @OnBothDatabases
    void aFailedRunKeepsItsProgressAndReason(TestDatabase db) {
        RunLog runs = new RunLog(db.jdbc());
        Run run = runs.queue(USER_IMPORT, "emea", RunKind.MANUAL, null, null, 0, QUEUED);
        runs.start(run.id(), null, null, 0, STARTED);
        runs.progress(run.id(), new RunCounts(0, 500, 0));

        runs.fail(run.id(), "INVALID_SESSION_ID: Session expired or invalid", FINISHED);

        Run failed = runs.find(run.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(failed.error()).isEqualTo("INVALID_SESSION_ID: Session expired or invalid");
        assertThat(failed.counts().recordsRead()).isEqualTo(500);
        assertThat(failed.finishedAt()).isEqualTo(FINISHED);
        assertThat(failed.windowFrom()).isNull();
    }

    @OnBothDatabases
    void whetherARunEverSucceededIsPerIntegrationAndIgnoresFailedAndUnfinishedRuns(TestDatabase db) {
        RunLog runs = new RunLog(db.jdbc());
        assertThat(runs.anySucceeded(USER_IMPORT, "emea")).isFalse();
        Run failed = runs.queue(USER_IMPORT, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        runs.start(failed.id(), null, null, 0, STARTED);
        runs.fail(failed.id(), "503", FINISHED);
        runs.queue(USER_IMPORT, "emea", RunKind.MANUAL, null, null, 0, QUEUED);
        Run historical = runs.queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        runs.start(historical.id(), FROM, TO, 8, STARTED);
        runs.succeed(historical.id(), RunCounts.NONE, FINISHED);
        assertThat(runs.anySucceeded(USER_IMPORT, "emea")).isFalse();

        Run succeeded = runs.queue(USER_IMPORT, "EMEA", RunKind.MANUAL, null, null, 0, QUEUED);
        runs.start(succeeded.id(), null, null, 0, STARTED);
        runs.succeed(succeeded.id(), RunCounts.NONE, FINISHED);
        assertThat(runs.anySucceeded(USER_IMPORT, "emea")).isTrue();
        assertThat(runs.anySucceeded(USER_IMPORT, "apac")).isFalse();
    }

    @OnBothDatabases
    void aVeryLongErrorIsCut(TestDatabase db) {
        RunLog runs = new RunLog(db.jdbc());
        Run run = runs.queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);

        runs.fail(run.id(), "x".repeat(5000), FINISHED);

        assertThat(runs.find(run.id()).orElseThrow().error()).hasSize(RunLog.ERROR_LIMIT);
    }

    @OnBothDatabases
    void latestRunsAreNewestFirstPerIntegration(TestDatabase db) {
        RunLog runs = new RunLog(db.jdbc());
        Run first = runs.queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        Run second = runs.queue(HISTORICAL, "emea", RunKind.MANUAL, null, null, 0, QUEUED);
        Run third = runs.queue(HISTORICAL, "Emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        runs.queue(USER_IMPORT, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        runs.queue(HISTORICAL, "apac", RunKind.SCHEDULED, null, null, 0, QUEUED);

        assertThat(runs.latest(HISTORICAL, "EMEA", 2)).extracting(Run::id).containsExactly(third.id(), second.id());
        assertThat(runs.latest(HISTORICAL, "emea", 10)).extracting(Run::id)
                .containsExactly(third.id(), second.id(), first.id());
        assertThat(runs.latest(USER_IMPORT, "emea", 10)).hasSize(1);
        assertThat(runs.latest(USER_IMPORT, "apac", 10)).isEmpty();
    }

    @OnBothDatabases
    void unfinishedRunsAreOldestFirstAndCanBeFailedAfterARestart(TestDatabase db) {
        RunLog runs = new RunLog(db.jdbc());
        Run done = runs.queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        runs.succeed(done.id(), RunCounts.NONE, FINISHED);
        Run running = runs.queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        runs.start(running.id(), FROM, TO, 8, STARTED);
        Run waiting = runs.queue(HISTORICAL, "emea", RunKind.MANUAL, null, null, 0, QUEUED);
        Run otherGroup = runs.queue(HISTORICAL, "apac", RunKind.MANUAL, null, null, 0, QUEUED);

        assertThat(runs.unfinished(HISTORICAL, "emea")).extracting(Run::id).containsExactly(running.id(), waiting.id());

        assertThat(runs.failUnfinished(HISTORICAL, "emea", "interrupted: the connector restarted", FINISHED))
                .isEqualTo(2);
        assertThat(runs.unfinished(HISTORICAL, "emea")).isEmpty();
        assertThat(runs.find(waiting.id()).orElseThrow().error()).isEqualTo("interrupted: the connector restarted");
        assertThat(runs.find(done.id()).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(runs.find(otherGroup.id()).orElseThrow().state()).isEqualTo(RunState.QUEUED);
    }

    @OnBothDatabases
    void failingTheRunningRunsLeavesTheQueuedOnesToBeTakenUp(TestDatabase db) {
        RunLog runs = new RunLog(db.jdbc());
        Run running = runs.queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, QUEUED);
        runs.start(running.id(), FROM, TO, 8, STARTED);
        Run waiting = runs.queue(HISTORICAL, "emea", RunKind.MANUAL, null, null, 0, QUEUED);
        Run otherGroup = runs.queue(HISTORICAL, "apac", RunKind.MANUAL, null, null, 0, QUEUED);
        runs.start(otherGroup.id(), FROM, TO, 8, STARTED);

        assertThat(runs.failRunning(HISTORICAL, "EMEA", "interrupted: the connector restarted", FINISHED)).isEqualTo(1);
        assertThat(runs.find(running.id()).orElseThrow().state()).isEqualTo(RunState.FAILED);
        assertThat(runs.find(running.id()).orElseThrow().error()).isEqualTo("interrupted: the connector restarted");
        assertThat(runs.unfinished(HISTORICAL, "emea")).extracting(Run::id).containsExactly(waiting.id());
        assertThat(runs.find(otherGroup.id()).orElseThrow().state()).isEqualTo(RunState.RUNNING);
    }

    @OnBothDatabases
    void anUnknownRunIsRefused(TestDatabase db) {
        RunLog runs = new RunLog(db.jdbc());

        assertThat(runs.find(404)).isEmpty();
        assertThatThrownBy(() -> runs.succeed(404, RunCounts.NONE, FINISHED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no run 404 in the run log");
        assertThatThrownBy(() -> runs.start(404, FROM, TO, 1, STARTED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runs.progress(404, RunCounts.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runs.fail(404, "x", FINISHED)).isInstanceOf(IllegalArgumentException.class);
    }
}
