package dev.wfmconnector.store;

import dev.wfmconnector.config.IntegrationType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state each integration was last reported in by the pod running it, for the pods that do not run it. */
@Repository
public class ReportedStates {

    private final JdbcClient jdbc;

    public ReportedStates(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Stores the integration's state, replacing the one stored before. */
    public void save(ReportedState state) {
        jdbc.sql("""
                MERGE INTO reported_states t
                USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                               CAST(? AS TIMESTAMP WITH TIME ZONE)))
                    AS s (integration_type, group_name, state, reason, since)
                ON t.integration_type = s.integration_type AND t.group_name = s.group_name
                WHEN MATCHED THEN UPDATE SET state = s.state, reason = s.reason, since = s.since
                WHEN NOT MATCHED THEN INSERT (integration_type, group_name, state, reason, since)
                    VALUES (s.integration_type, s.group_name, s.state, s.reason, s.since)
                """)
                .params(state.type().wireName(), Sql.group(state.group()), state.state(), state.reason(),
                        Sql.timestamp(state.since()))
                .update();
    }

    /** The integration's last reported state; empty when none was ever reported. */
    public Optional<ReportedState> find(IntegrationType type, String group) {
        return jdbc.sql("SELECT integration_type, group_name, state, reason, since FROM reported_states"
                        + " WHERE integration_type = ? AND group_name = ?")
                .params(type.wireName(), Sql.group(group))
                .query(ReportedStates::state)
                .optional();
    }

    private static ReportedState state(ResultSet rs, int rowNum) throws SQLException {
        return new ReportedState(IntegrationType.fromWireName(rs.getString("integration_type")),
                rs.getString("group_name"), rs.getString("state"), rs.getString("reason"), Sql.instant(rs, "since"));
    }
}
