package dev.wfmconnector.store;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The watermark of each historical group: the end of the last interval a successful run covered. It only moves
 * forward; a run starts re-reading at {@code watermark − lookback}. Advance it with the run's digests through
 * {@link StateCommits#historicalRunSucceeded}.
 */
@Repository
public class Watermarks {

    private final JdbcClient jdbc;

    public Watermarks(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** The group's watermark; empty before its first successful run. */
    public Optional<Instant> find(String group) {
        return jdbc.sql("SELECT watermark FROM watermarks WHERE group_name = ?")
                .param(Sql.group(group))
                .query((rs, n) -> Sql.instant(rs, "watermark"))
                .optional();
    }

    /** Moves the group's watermark to {@code watermark} unless it is already there or later. */
    public void advance(String group, Instant watermark) {
        jdbc.sql("""
                MERGE INTO watermarks t
                USING (VALUES (CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (group_name, watermark)
                ON t.group_name = s.group_name
                WHEN MATCHED AND t.watermark < s.watermark THEN
                    UPDATE SET watermark = s.watermark, updated_at = CURRENT_TIMESTAMP
                WHEN NOT MATCHED THEN
                    INSERT (group_name, watermark, updated_at) VALUES (s.group_name, s.watermark, CURRENT_TIMESTAMP)
                """)
                .params(Sql.group(group), Sql.timestamp(watermark))
                .update();
    }
}
