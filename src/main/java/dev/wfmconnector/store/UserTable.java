package dev.wfmconnector.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL of the two tables holding published Salesforce users: {@code agents} and {@code user_snapshots}. */
final class UserTable {

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final String table;
    private final String idColumn;
    private final String columns;

    UserTable(JdbcTemplate template, String table, String idColumn) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.table = table;
        this.idColumn = idColumn;
        this.columns = idColumn + ", username, first_name, last_name, name, email, active, federation_id, time_zone,"
                + " revision, updated_at";
    }

    Optional<StoredUser> find(String group, String id) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE group_name = ? AND " + idColumn + " = ?")
                .params(Sql.group(group), id)
                .query(this::storedUser)
                .optional();
    }

    Map<String, StoredUser> find(String group, Collection<String> ids) {
        Map<String, StoredUser> found = new LinkedHashMap<>();
        for (List<String> chunk : Sql.chunks(ids)) {
            jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE group_name = :group AND " + idColumn
                            + " IN (:ids)")
                    .param("group", Sql.group(group))
                    .param("ids", chunk)
                    .query(this::storedUser)
                    .list()
                    .forEach(u -> found.put(u.id(), u));
        }
        return found;
    }

    Map<String, StoredUser> all(String group) {
        Map<String, StoredUser> all = new LinkedHashMap<>();
        jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE group_name = ? ORDER BY " + idColumn)
                .param(Sql.group(group))
                .query(this::storedUser)
                .list()
                .forEach(u -> all.put(u.id(), u));
        return all;
    }

    /** Inserts or replaces the users in one batch; {@code updated_at} becomes now. */
    void save(String group, Collection<StoredUser> users) {
        if (users.isEmpty()) {
            return;
        }
        String sql = """
                MERGE INTO %1$s t
                USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                               CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                               CAST(? AS VARCHAR), CAST(? AS BOOLEAN), CAST(? AS VARCHAR),
                               CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT)))
                    AS s (group_name, id, username, first_name, last_name, name, email, active, federation_id,
                          time_zone, digest, revision)
                ON t.group_name = s.group_name AND t.%2$s = s.id
                WHEN MATCHED THEN UPDATE SET username = s.username, first_name = s.first_name,
                    last_name = s.last_name, name = s.name, email = s.email, active = s.active,
                    federation_id = s.federation_id, time_zone = s.time_zone, digest = s.digest,
                    revision = s.revision, updated_at = CURRENT_TIMESTAMP
                WHEN NOT MATCHED THEN INSERT (group_name, %2$s, username, first_name, last_name, name, email, active,
                    federation_id, time_zone, digest, revision, updated_at)
                    VALUES (s.group_name, s.id, s.username, s.first_name, s.last_name, s.name, s.email, s.active,
                    s.federation_id, s.time_zone, s.digest, s.revision, CURRENT_TIMESTAMP)
                """.formatted(table, idColumn);
        String storedGroup = Sql.group(group);
        template.batchUpdate(sql, users.stream().map(stored -> {
            SalesforceUser u = stored.user();
            return new Object[] {storedGroup, u.id(), u.username(), u.firstName(), u.lastName(), u.name(), u.email(),
                    u.active(), u.federationId(), u.timeZone(), u.digest(), stored.revision()};
        }).toList());
    }

    private StoredUser storedUser(ResultSet rs, int rowNum) throws SQLException {
        SalesforceUser user = new SalesforceUser(rs.getString(idColumn), rs.getString("username"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("name"), rs.getString("email"),
                rs.getBoolean("active"), rs.getString("federation_id"), rs.getString("time_zone"));
        return new StoredUser(user, rs.getLong("revision"), Sql.instant(rs, "updated_at"));
    }
}
