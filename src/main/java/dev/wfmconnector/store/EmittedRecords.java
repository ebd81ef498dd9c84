package dev.wfmconnector.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Digests of published records per group, kept for the lookback plus seven days (SPEC §8). A run compares what it
 * computed with them: unchanged records are not re-emitted, changed ones get the next revision, and records that no
 * longer have anything are published again with zeros. Save them with the watermark through
 * {@link StateCommits#historicalRunSucceeded}.
 */
@Repository
public class EmittedRecords {

    /** How long past the lookback digests are kept. */
    public static final Duration RETENTION_BEYOND_LOOKBACK = Duration.ofDays(7);

    private static final String COLUMNS = "record_key, revision, digest, interval_start, published_at";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    public EmittedRecords(JdbcTemplate jdbc) {
        this.template = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** The group's records whose interval starts in {@code [from, to)}, by key. */
    public Map<String, EmittedRecord> inWindow(String group, Instant from, Instant to) {
        Map<String, EmittedRecord> found = new LinkedHashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM emitted_records"
                        + " WHERE group_name = ? AND interval_start >= ? AND interval_start < ? ORDER BY interval_start")
                .params(Sql.group(group), Sql.timestamp(from), Sql.timestamp(to))
                .query(EmittedRecords::emittedRecord)
                .list()
                .forEach(r -> found.put(r.key(), r));
        return found;
    }

    /** The group's records with these keys, by key; keys never published (or pruned) are absent. */
    public Map<String, EmittedRecord> find(String group, Collection<String> keys) {
        Map<String, EmittedRecord> found = new LinkedHashMap<>();
        for (List<String> chunk : Sql.chunks(keys)) {
            jdbc.sql("SELECT " + COLUMNS + " FROM emitted_records WHERE group_name = :group AND record_key IN (:keys)")
                    .param("group", Sql.group(group))
                    .param("keys", chunk)
                    .query(EmittedRecords::emittedRecord)
                    .list()
                    .forEach(r -> found.put(r.key(), r));
        }
        return found;
    }

    /** Inserts or replaces the digests of published records, in one batch. */
    public void save(String group, Collection<EmittedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        String storedGroup = Sql.group(group);
        template.batchUpdate("""
                MERGE INTO emitted_records t
                USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS VARCHAR),
                               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                    AS s (group_name, record_key, revision, digest, interval_start, published_at)
                ON t.group_name = s.group_name AND t.record_key = s.record_key
                WHEN MATCHED THEN UPDATE SET revision = s.revision, digest = s.digest,
                    interval_start = s.interval_start, published_at = s.published_at
                WHEN NOT MATCHED THEN INSERT (group_name, record_key, revision, digest, interval_start, published_at)
                    VALUES (s.group_name, s.record_key, s.revision, s.digest, s.interval_start, s.published_at)
                """, records.stream().map(r -> new Object[] {storedGroup, r.key(), r.revision(), r.digest(),
                Sql.timestamp(r.intervalStart()), Sql.timestamp(r.publishedAt())}).toList());
    }

    /**
     * Deletes the group's digests older than {@code lookback} plus {@link #RETENTION_BEYOND_LOOKBACK} before
     * {@code now}, by interval start (or publication time for records without interval). Returns how many it deleted.
     */
    public int prune(String group, Instant now, Duration lookback) {
        Instant cutoff = now.minus(lookback).minus(RETENTION_BEYOND_LOOKBACK);
        return jdbc.sql("DELETE FROM emitted_records WHERE group_name = ? AND COALESCE(interval_start, published_at) < ?")
                .params(Sql.group(group), Sql.timestamp(cutoff))
                .update();
    }

    private static EmittedRecord emittedRecord(ResultSet rs, int rowNum) throws SQLException {
        return new EmittedRecord(rs.getString("record_key"), rs.getLong("revision"), rs.getString("digest"),
                Sql.instant(rs, "interval_start"), Sql.instant(rs, "published_at"));
    }
}
