package dev.wfmconnector.historical;

/**
 * How the rows handed to {@link ActivityBucketer} or {@link ContactThresholdEvaluator} are ordered, which decides
 * what they must keep in memory.
 */
public enum RowOrder {
    /**
     * Ordered as the default queries order them: UserServicePresence by {@code UserId, StatusStartDate}, AgentWork by
     * {@code WorkItemId, RequestDateTime}. Rows are processed as they stream by: memory holds the outputs plus one
     * user's (or one work item's) rows, not the window's rows. A row that breaks the order in a way that would make
     * the figures wrong throws {@link IllegalStateException} naming the order expected: never a silent miscount.
     */
    SORTED,
    /** Any order: every row's facts are kept (compactly) until {@code finish()}, so memory grows with the rows. */
    ANY
}
