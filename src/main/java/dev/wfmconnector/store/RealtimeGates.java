package dev.wfmconnector.store;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The realtime gate of each group (SPEC §4): open once the group's historical integration finished its first
 * successful run. Persisted, so a restart does not wait again. Opened by {@link StateCommits#historicalRunSucceeded}.
 */
@Repository
public class RealtimeGates {

    private final JdbcClient jdbc;

    public RealtimeGates(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Whether the group's realtime integration may start. */
    public boolean isOpen(String group) {
        return openedAt(group).isPresent();
    }

    /** When the group's first successful historical run finished; empty while the gate is closed. */
    public Optional<Instant> openedAt(String group) {
        return jdbc.sql("SELECT opened_at FROM realtime_gates WHERE group_name = ?")
                .param(Sql.group(group))
                .query((rs, n) -> Sql.instant(rs, "opened_at"))
                .optional();
    }

    /** Opens the gate by the successful historical run {@code runId}; an open gate keeps its first opening. */
    public void open(String group, long runId, Instant at) {
        jdbc.sql("""
                MERGE INTO realtime_gates t
                USING (VALUES (CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                    AS s (group_name, run_id, opened_at)
                ON t.group_name = s.group_name
                WHEN NOT MATCHED THEN
                    INSERT (group_name, run_id, opened_at) VALUES (s.group_name, s.run_id, s.opened_at)
                """)
                .params(Sql.group(group), runId, Sql.timestamp(at))
                .update();
    }
}
