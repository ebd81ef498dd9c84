package dev.wfmconnector.output;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code dead_letters} table (migration V2): batches the outputs could not deliver. */
@Repository
public class DeadLetterStore {
    static final int MAX_REASON_LENGTH = 1000;

    private final JdbcClient jdbc;

    public DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a dead letter and returns its id. */
    public long add(DeadLetter letter) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO dead_letters (output, record_type, url, idempotency_key, record_count, body,
                                                  last_status, reason, attempts, created_at)
                        VALUES (:output, :type, :url, :key, :records, :body, :status, :reason, :attempts, :createdAt)""")
                .param("output", letter.output())
                .param("type", letter.type())
                .param("url", letter.url())
                .param("key", letter.idempotencyKey())
                .param("records", letter.records())
                .param("body", letter.body())
                .param("status", letter.lastStatus())
                .param("reason", truncate(letter.reason()))
                .param("attempts", letter.attempts())
                .param("createdAt", letter.createdAt().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Every dead letter, oldest first. */
    public List<DeadLetter> list() {
        return jdbc.sql("SELECT * FROM dead_letters ORDER BY id").query(DeadLetterStore::read).list();
    }

    private static DeadLetter read(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(
                rs.getLong("id"),
                rs.getString("output"),
                rs.getString("record_type"),
                rs.getString("url"),
                rs.getString("idempotency_key"),
                rs.getInt("record_count"),
                rs.getString("body"),
                rs.getObject("last_status", Integer.class),
                rs.getString("reason"),
                rs.getInt("attempts"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
