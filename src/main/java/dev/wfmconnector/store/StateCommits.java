package dev.wfmconnector.store;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Acknowledges a run in one transaction, after its records were handed to every enabled output (SPEC §6, §8):
 * either all of a run's state changes are stored, or none is and the next run repeats its work.
 */
@Component
public class StateCommits {

    private final TransactionOperations transactions;
    private final Watermarks watermarks;
    private final EmittedRecords emittedRecords;
    private final AgentRegistry agents;
    private final RealtimeGates gates;
    private final UserSnapshots userSnapshots;
    private final RunLog runs;

    public StateCommits(TransactionOperations transactions, Watermarks watermarks, EmittedRecords emittedRecords,
                        AgentRegistry agents, RealtimeGates gates, UserSnapshots userSnapshots, RunLog runs) {
        this.transactions = transactions;
        this.watermarks = watermarks;
        this.emittedRecords = emittedRecords;
        this.agents = agents;
        this.gates = gates;
        this.userSnapshots = userSnapshots;
        this.runs = runs;
    }

    /**
     * A historical run (scheduled, manual or backfill) published its records: in one transaction, advances the
     * watermark (a null or earlier {@code watermark} leaves it, as for a backfill of the past), saves the digests of
     * the published interval records and the published agents, marks the run SUCCEEDED and opens the realtime gate.
     */
    public void historicalRunSucceeded(HistoricalRunOutcome outcome) {
        transactions.executeWithoutResult(tx -> {
            if (outcome.watermark() != null) {
                watermarks.advance(outcome.group(), outcome.watermark());
            }
            emittedRecords.save(outcome.group(), outcome.records());
            agents.save(outcome.group(), outcome.agents());
            runs.succeed(outcome.runId(), outcome.counts(), outcome.finishedAt());
            gates.open(outcome.group(), outcome.runId(), outcome.finishedAt());
        });
    }

    /**
     * One chunk (e.g. a day) of a long historical run published its records: in one transaction, advances the
     * watermark (null leaves it), saves the digests and agents and records the run's progress. The run stays
     * RUNNING; its last chunk is acknowledged with {@link #historicalRunSucceeded}.
     */
    public void historicalChunkCommitted(HistoricalRunOutcome outcome) {
        transactions.executeWithoutResult(tx -> {
            if (outcome.watermark() != null) {
                watermarks.advance(outcome.group(), outcome.watermark());
            }
            emittedRecords.save(outcome.group(), outcome.records());
            agents.save(outcome.group(), outcome.agents());
            runs.progress(outcome.runId(), outcome.counts());
        });
    }

    /** A user import published its changes: in one transaction, saves the published users and marks the run SUCCEEDED. */
    public void userImportSucceeded(String group, long runId, List<StoredUser> publishedUsers, RunCounts counts,
                                    Instant finishedAt) {
        transactions.executeWithoutResult(tx -> {
            userSnapshots.save(group, publishedUsers);
            runs.succeed(runId, counts, finishedAt);
        });
    }

    /**
     * What a successful historical run acknowledges.
     *
     * @param group      the group
     * @param runId      the run, from {@link RunLog#queue}
     * @param watermark  the end of the window it covered; null to leave the watermark (backfills of the past)
     * @param records    digests of the interval records it published
     * @param agents     agents it published (new or changed)
     * @param counts     its final counts
     * @param finishedAt when it finished
     */
    public record HistoricalRunOutcome(String group, long runId, Instant watermark, List<EmittedRecord> records,
                                       List<StoredUser> agents, RunCounts counts, Instant finishedAt) {
        public HistoricalRunOutcome {
            records = List.copyOf(records);
            agents = List.copyOf(agents);
        }
    }
}
