package dev.wfmconnector.store;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Replay checkpoints per realtime group and topic. Saved per processed batch at the latest, after the batch's
 * records were handed to the outputs; a subscription resumes after the saved replay id (SPEC §4, §8).
 */
@Repository
public class ReplayCheckpoints {

    private final JdbcClient jdbc;

    public ReplayCheckpoints(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** The checkpoint of the group's subscription to {@code topic}; empty before its first answer (start at LATEST). */
    public Optional<ReplayCheckpoint> find(String group, String topic) {
        return jdbc.sql("""
                SELECT group_name, topic, replay_id, updated_at, gap_reported_at, gap_reason
                FROM replay_checkpoints WHERE group_name = ? AND topic = ?
                """)
                .params(Sql.group(group), topic)
                .query((rs, n) -> new ReplayCheckpoint(rs.getString("group_name"), rs.getString("topic"),
                        rs.getString("replay_id"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "gap_reported_at"),
                        rs.getString("gap_reason")))
                .optional();
    }

    /** Saves the replay id to resume after; the last reported gap stays. */
    public void save(String group, String topic, byte[] replayId) {
        jdbc.sql("""
                MERGE INTO replay_checkpoints t
                USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR)))
                    AS s (group_name, topic, replay_id)
                ON t.group_name = s.group_name AND t.topic = s.topic
                WHEN MATCHED THEN UPDATE SET replay_id = s.replay_id, updated_at = CURRENT_TIMESTAMP
                WHEN NOT MATCHED THEN INSERT (group_name, topic, replay_id, updated_at)
                    VALUES (s.group_name, s.topic, s.replay_id, CURRENT_TIMESTAMP)
                """)
                .params(Sql.group(group), topic, Base64.getEncoder().encodeToString(replayId))
                .update();
    }

    /**
     * Reports a possible gap: the server refused the checkpoint (corrupted, or older than the retention) and the
     * subscription restarts at EARLIEST. Returns false when the group has no checkpoint for {@code topic}.
     */
    public boolean reportGap(String group, String topic, String reason, Instant at) {
        return jdbc.sql("UPDATE replay_checkpoints SET gap_reported_at = ?, gap_reason = ? WHERE group_name = ? AND topic = ?")
                .params(Sql.timestamp(at), reason, Sql.group(group), topic)
                .update() == 1;
    }
}
