package dev.wfmconnector.api;

import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunState;
import java.time.Instant;

/** A run or backfill as the management API shows it. */
public record RunView(
        long id,
        RunKind kind,
        RunState state,
        Instant windowFrom,
        Instant windowTo,
        int intervalsDone,
        int intervalsTotal,
        long recordsRead,
        long recordsPublished,
        String error,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt) {

    public static RunView of(Run run) {
        return new RunView(run.id(), run.kind(), run.state(), run.windowFrom(), run.windowTo(),
                run.counts().intervalsDone(), run.intervalsTotal(), run.counts().recordsRead(),
                run.counts().recordsPublished(), run.error(), run.queuedAt(), run.startedAt(), run.finishedAt());
    }
}
