package dev.wfmconnector.store;

import dev.wfmconnector.config.ConnectorSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Conversions shared by the repositories: groups as stored, instants as {@code TIMESTAMP WITH TIME ZONE}. */
final class Sql {

    /** Largest IN list sent in one statement. */
    static final int IN_LIST_LIMIT = 500;

    private Sql() {
    }

    /** The stored form of a group: trimmed, lower case (groups compare case-insensitively everywhere). */
    static String group(String group) {
        return ConnectorSettings.normaliseGroup(group);
    }

    /** An instant as a JDBC value both H2 and PostgreSQL accept; null stays null. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Splits ids into lists of at most {@link #IN_LIST_LIMIT} for {@code IN (:ids)} queries. */
    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_LIMIT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST_LIMIT)));
        }
        return chunks;
    }
}
