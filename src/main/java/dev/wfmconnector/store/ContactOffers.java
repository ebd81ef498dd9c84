package dev.wfmconnector.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * First offers of the contacts a historical run saw unresolved, per group: a later run that reads only a re-offer of
 * one (its first rows older than what it reads) still knows when it was first offered.
 */
@Repository
public class ContactOffers {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    public ContactOffers(JdbcTemplate jdbc) {
        this.jdbcTemplate = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Keeps the offers; for a contact kept before, the earlier of the two offers stays. */
    public void keep(String group, List<ContactOffer> offers) {
        if (offers.isEmpty()) {
            return;
        }
        String stored = Sql.group(group);
        jdbcTemplate.batchUpdate("""
                MERGE INTO contact_offers t
                USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                               CAST(? AS TIMESTAMP WITH TIME ZONE)))
                    AS s (group_name, work_item_id, queue_id, offered_at)
                ON t.group_name = s.group_name AND t.work_item_id = s.work_item_id AND t.queue_id = s.queue_id
                WHEN MATCHED AND s.offered_at < t.offered_at THEN UPDATE SET offered_at = s.offered_at
                WHEN NOT MATCHED THEN INSERT (group_name, work_item_id, queue_id, offered_at)
                    VALUES (s.group_name, s.work_item_id, s.queue_id, s.offered_at)
                """, offers, 500, (ps, offer) -> {
                    ps.setString(1, stored);
                    ps.setString(2, offer.workItemId());
                    ps.setString(3, offer.queueId());
                    ps.setObject(4, Sql.timestamp(offer.offeredAt()));
                });
    }

    /** The group's kept offers. */
    public List<ContactOffer> all(String group) {
        return jdbc.sql("SELECT work_item_id, queue_id, offered_at FROM contact_offers WHERE group_name = ?"
                        + " ORDER BY work_item_id, queue_id")
                .param(Sql.group(group))
                .query(ContactOffers::offer)
                .list();
    }

    /** Deletes the group's offers made before {@code cutoff}; returns how many. */
    public int prune(String group, Instant cutoff) {
        return jdbc.sql("DELETE FROM contact_offers WHERE group_name = ? AND offered_at < ?")
                .params(Sql.group(group), Sql.timestamp(cutoff))
                .update();
    }

    private static ContactOffer offer(ResultSet rs, int rowNum) throws SQLException {
        return new ContactOffer(rs.getString("work_item_id"), rs.getString("queue_id"), Sql.instant(rs, "offered_at"));
    }
}
