package dev.wfmconnector.store;

import dev.wfmconnector.config.IntegrationType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Status toggles per integration ({@code PUT /api/integrations/{type}/{group}/status}), kept across restarts. */
@Repository
public class StatusToggles {

    private final JdbcClient jdbc;

    public StatusToggles(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** The status set for the integration; empty when its configured status applies. */
    public Optional<StatusToggle> find(IntegrationType type, String group) {
        return jdbc.sql("SELECT integration_type, group_name, enabled, set_at FROM status_toggles"
                        + " WHERE integration_type = ? AND group_name = ?")
                .params(type.wireName(), Sql.group(group))
                .query(StatusToggles::toggle)
                .optional();
    }

    /** Every status set through the API. */
    public List<StatusToggle> all() {
        return jdbc.sql("SELECT integration_type, group_name, enabled, set_at FROM status_toggles"
                        + " ORDER BY integration_type, group_name")
                .query(StatusToggles::toggle)
                .list();
    }

    /** Sets the integration's status, replacing any earlier toggle. */
    public StatusToggle set(IntegrationType type, String group, boolean enabled) {
        jdbc.sql("""
                MERGE INTO status_toggles t
                USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BOOLEAN)))
                    AS s (integration_type, group_name, enabled)
                ON t.integration_type = s.integration_type AND t.group_name = s.group_name
                WHEN MATCHED THEN UPDATE SET enabled = s.enabled, set_at = CURRENT_TIMESTAMP
                WHEN NOT MATCHED THEN INSERT (integration_type, group_name, enabled, set_at)
                    VALUES (s.integration_type, s.group_name, s.enabled, CURRENT_TIMESTAMP)
                """)
                .params(type.wireName(), Sql.group(group), enabled)
                .update();
        return find(type, group).orElseThrow();
    }

    private static StatusToggle toggle(ResultSet rs, int rowNum) throws SQLException {
        return new StatusToggle(IntegrationType.fromWireName(rs.getString("integration_type")),
                rs.getString("group_name"), rs.getBoolean("enabled"), Sql.instant(rs, "set_at"));
    }
}
