package dev.wfmconnector.store;

import dev.wfmconnector.config.IntegrationType;
import java.time.Instant;

/**
 * One historical or user-import run, as logged in the store.
 *
 * @param id             stable id, shown by {@code GET .../runs/{id}} and {@code .../backfills/{id}}
 * @param type           historical or user-import
 * @param group          the group, as stored (trimmed, lower case)
 * @param kind           scheduled, manual or backfill
 * @param state          QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param windowFrom     start of the window read (inclusive); null until planned, and for user imports
 * @param windowTo       end of the window read (exclusive); null until planned, and for user imports
 * @param intervalsTotal intervals in the window
 * @param counts         intervals done, records read and published
 * @param error          why it failed; null otherwise
 * @param queuedAt       when it was created
 * @param startedAt      when it started running; null while queued
 * @param finishedAt     when it succeeded or failed; null before
 */
public record Run(
        long id,
        IntegrationType type,
        String group,
        RunKind kind,
        RunState state,
        Instant windowFrom,
        Instant windowTo,
        int intervalsTotal,
        RunCounts counts,
        String error,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt) {
}
