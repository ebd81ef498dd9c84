package dev.wfmconnector.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The presence status catalog of each group (label ↔ API name), refreshed by the historical integration, so the
 * realtime integration categorises an event's status label exactly as historical does (SPEC §8).
 */
@Repository
public class PresenceStatusCatalog {

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    public PresenceStatusCatalog(JdbcTemplate jdbc, TransactionOperations transactions) {
        this.template = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
        this.transactions = transactions;
    }

    /** The group's presence statuses, by label. */
    public List<PresenceStatus> statuses(String group) {
        return jdbc.sql("SELECT status_id, label, api_name FROM presence_statuses WHERE group_name = ? ORDER BY label")
                .param(Sql.group(group))
                .query((rs, n) -> new PresenceStatus(rs.getString("status_id"), rs.getString("label"),
                        rs.getString("api_name")))
                .list();
    }

    /** Replaces the group's catalog with the statuses just read from Salesforce. */
    public void replace(String group, List<PresenceStatus> statuses) {
        String storedGroup = Sql.group(group);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM presence_statuses WHERE group_name = ?").param(storedGroup).update();
            template.batchUpdate(
                    "INSERT INTO presence_statuses (group_name, status_id, label, api_name) VALUES (?, ?, ?, ?)",
                    statuses.stream().map(s -> new Object[] {storedGroup, s.id(), s.label(), s.apiName()}).toList());
        });
    }
}
