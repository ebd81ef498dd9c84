package dev.wfmconnector.store;

import dev.wfmconnector.config.IntegrationType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The run log of the historical and user-import integrations: scheduled runs, runs started through the API and
 * backfills, each QUEUED → RUNNING → SUCCEEDED | FAILED with its window, progress and counts. Methods taking a run
 * id throw {@link IllegalArgumentException} when the run log has no such run.
 */
@Repository
public class RunLog {

    /** Longest error text kept; longer ones are cut. */
    static final int ERROR_LIMIT = 2000;

    private static final String COLUMNS = """
            id, integration_type, group_name, kind, state, window_from, window_to, intervals_done, intervals_total,
            records_read, records_published, error, queued_at, started_at, finished_at""";

    private final JdbcClient jdbc;

    public RunLog(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /**
     * Logs a new QUEUED run. The window is known for backfills ({@code from}, {@code to}); pass nulls and 0
     * intervals when it is planned only when the run starts (see {@link #start}).
     */
    public Run queue(IntegrationType type, String group, RunKind kind, Instant windowFrom, Instant windowTo,
                     int intervalsTotal, Instant queuedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO runs (integration_type, group_name, kind, state, window_from, window_to, intervals_done,
                                  intervals_total, records_read, records_published, queued_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0, 0, ?)
                """)
                .params(type.wireName(), Sql.group(group), kind.name(), RunState.QUEUED.name(),
                        Sql.timestamp(windowFrom), Sql.timestamp(windowTo), intervalsTotal, Sql.timestamp(queuedAt))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        return find(id).orElseThrow();
    }

    /**
     * Marks a run RUNNING with the window it reads; null {@code windowFrom}/{@code windowTo} keep the window given
     * when it was queued (a backfill's), and user imports have none.
     */
    public void start(long runId, Instant windowFrom, Instant windowTo, int intervalsTotal, Instant startedAt) {
        exactlyOne(jdbc.sql("""
                UPDATE runs SET state = ?, started_at = ?,
                       window_from = COALESCE(CAST(? AS TIMESTAMP WITH TIME ZONE), window_from),
                       window_to = COALESCE(CAST(? AS TIMESTAMP WITH TIME ZONE), window_to),
                       intervals_total = CASE WHEN ? > 0 THEN ? ELSE intervals_total END
                WHERE id = ?
                """)
                .params(RunState.RUNNING.name(), Sql.timestamp(startedAt), Sql.timestamp(windowFrom),
                        Sql.timestamp(windowTo), intervalsTotal, intervalsTotal, runId)
                .update(), runId);
    }

    /** Records a running run's progress (shown as {@code intervalsDone}/{@code intervalsTotal}). */
    public void progress(long runId, RunCounts counts) {
        exactlyOne(jdbc.sql("UPDATE runs SET intervals_done = ?, records_read = ?, records_published = ? WHERE id = ?")
                .params(counts.intervalsDone(), counts.recordsRead(), counts.recordsPublished(), runId)
                .update(), runId);
    }

    /**
     * Marks a run SUCCEEDED with its final counts. A historical run should succeed through
     * {@link StateCommits#historicalRunSucceeded}, which commits its watermark and digests with it.
     */
    public void succeed(long runId, RunCounts counts, Instant finishedAt) {
        exactlyOne(jdbc.sql("""
                UPDATE runs SET state = ?, intervals_done = ?, records_read = ?, records_published = ?, finished_at = ?
                WHERE id = ?
                """)
                .params(RunState.SUCCEEDED.name(), counts.intervalsDone(), counts.recordsRead(),
                        counts.recordsPublished(), Sql.timestamp(finishedAt), runId)
                .update(), runId);
    }

    /** Marks a run FAILED with its reason (never a secret); its last progress stays. */
    public void fail(long runId, String error, Instant finishedAt) {
        exactlyOne(jdbc.sql("UPDATE runs SET state = ?, error = ?, finished_at = ? WHERE id = ?")
                .params(RunState.FAILED.name(), cut(error), Sql.timestamp(finishedAt), runId)
                .update(), runId);
    }

    /**
     * Fails every QUEUED or RUNNING run of an integration, e.g. when its runtime starts on a pod after a crash or
     * a lost leadership left them behind. Returns how many runs it failed.
     */
    public int failUnfinished(IntegrationType type, String group, String error, Instant finishedAt) {
        return jdbc.sql("""
                UPDATE runs SET state = ?, error = ?, finished_at = ?
                WHERE integration_type = ? AND group_name = ? AND state IN (?, ?)
                """)
                .params(RunState.FAILED.name(), cut(error), Sql.timestamp(finishedAt), type.wireName(),
                        Sql.group(group), RunState.QUEUED.name(), RunState.RUNNING.name())
                .update();
    }

    /**
     * Fails every RUNNING run of an integration, e.g. when its runtime starts on a pod after a crash or a lost
     * leadership left them behind; QUEUED runs stay for the runtime to take up. Returns how many runs it failed.
     */
    public int failRunning(IntegrationType type, String group, String error, Instant finishedAt) {
        return jdbc.sql("""
                UPDATE runs SET state = ?, error = ?, finished_at = ?
                WHERE integration_type = ? AND group_name = ? AND state = ?
                """)
                .params(RunState.FAILED.name(), cut(error), Sql.timestamp(finishedAt), type.wireName(),
                        Sql.group(group), RunState.RUNNING.name())
                .update();
    }

    public Optional<Run> find(long runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runs WHERE id = ?").param(runId).query(RunLog::run).optional();
    }

    /** The integration's latest runs, newest first. */
    public List<Run> latest(IntegrationType type, String group, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runs WHERE integration_type = ? AND group_name = ?"
                        + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
                .params(type.wireName(), Sql.group(group), limit)
                .query(RunLog::run)
                .list();
    }

    /** Whether a run of the integration ever succeeded. */
    public boolean anySucceeded(IntegrationType type, String group) {
        return jdbc.sql("SELECT COUNT(*) FROM runs WHERE integration_type = ? AND group_name = ? AND state = ?")
                .params(type.wireName(), Sql.group(group), RunState.SUCCEEDED.name())
                .query(Long.class)
                .single() > 0;
    }

    /** The integration's QUEUED and RUNNING runs, oldest first: a run starts only when none runs before it. */
    public List<Run> unfinished(IntegrationType type, String group) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM runs WHERE integration_type = ? AND group_name = ? AND state IN (?, ?) ORDER BY id")
                .params(type.wireName(), Sql.group(group), RunState.QUEUED.name(), RunState.RUNNING.name())
                .query(RunLog::run)
                .list();
    }

    private static void exactlyOne(int updated, long runId) {
        if (updated != 1) {
            throw new IllegalArgumentException("no run " + runId + " in the run log");
        }
    }

    private static String cut(String error) {
        return error == null || error.length() <= ERROR_LIMIT ? error : error.substring(0, ERROR_LIMIT);
    }

    private static Run run(ResultSet rs, int rowNum) throws SQLException {
        return new Run(
                rs.getLong("id"),
                IntegrationType.fromWireName(rs.getString("integration_type")),
                rs.getString("group_name"),
                RunKind.valueOf(rs.getString("kind")),
                RunState.valueOf(rs.getString("state")),
                Sql.instant(rs, "window_from"),
                Sql.instant(rs, "window_to"),
                rs.getInt("intervals_total"),
                new RunCounts(rs.getInt("intervals_done"), rs.getLong("records_read"), rs.getLong("records_published")),
                rs.getString("error"),
                Sql.instant(rs, "queued_at"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"));
    }
}
