package dev.wfmconnector.store;

/** Life of a run or backfill (SPEC §8): QUEUED → RUNNING → SUCCEEDED | FAILED. */
public enum RunState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    /** SUCCEEDED and FAILED are final. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
