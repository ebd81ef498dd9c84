package dev.wfmconnector.store;

/**
 * Progress of a run.
 *
 * @param intervalsDone    intervals read and published so far
 * @param recordsRead      Salesforce rows read
 * @param recordsPublished records handed to the outputs
 */
public record RunCounts(int intervalsDone, long recordsRead, long recordsPublished) {
    public static final RunCounts NONE = new RunCounts(0, 0, 0);
}
