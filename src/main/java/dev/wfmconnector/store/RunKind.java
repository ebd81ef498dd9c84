package dev.wfmconnector.store;

/** Why a run was started: by the schedule, through the API ({@code POST .../runs}) or as a backfill. */
public enum RunKind {
    SCHEDULED, MANUAL, BACKFILL
}
