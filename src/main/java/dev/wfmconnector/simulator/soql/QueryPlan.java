package dev.wfmconnector.simulator.soql;

import dev.wfmconnector.simulator.org.Row;
import dev.wfmconnector.simulator.org.SObjectType;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import dev.wfmconnector.simulator.soql.QueryResult.Selected;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** A query checked against the schema of one API version, ready to run against an org. */
public final class QueryPlan {

    /** One ORDER BY term: the path and how its values compare (nulls already placed). */
    record SortKey(ResolvedPath path, Comparator<Object> order) {
    }

    private final SObjectType<?> type;
    private final boolean count;
    private final List<Selected> selection;
    private final List<ResolvedPath> columns;
    private final Predicate<Row<?>> where;
    private final List<SortKey> orderBy;
    private final Integer limit;
    private final Integer offset;
    private final Function<String, Row<?>> lookup;

    QueryPlan(SObjectType<?> type, boolean count, List<Selected> selection, List<ResolvedPath> columns,
              Predicate<Row<?>> where, List<SortKey> orderBy, Integer limit, Integer offset,
              Function<String, Row<?>> lookup) {
        this.type = type;
        this.count = count;
        this.selection = selection;
        this.columns = columns;
        this.where = where;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.lookup = lookup;
    }

    public SObjectType<?> type() {
        return type;
    }

    /**
     * Selects, sorts and reads the rows under the org's read lock, so the result is one consistent snapshot.
     * {@code includeDeleted} is queryAll.
     */
    public QueryResult execute(SimulatedOrg org, boolean includeDeleted) {
        return org.read(() -> {
            List<Row<?>> matches = new ArrayList<>();
            for (Row<?> row : org.rows(type)) {
                if ((includeDeleted || !row.deleted()) && where.test(row)) {
                    matches.add(row);
                }
            }
            if (!orderBy.isEmpty()) {
                matches = sorted(matches);
            }
            int from = Math.min(offset == null ? 0 : offset, matches.size());
            int to = limit == null ? matches.size() : Math.min(matches.size(), from + limit);
            List<Row<?>> window = matches.subList(from, to);
            if (count) {
                return new QueryResult(type, selection, List.of(), idIndex(), window.size());
            }
            List<Object[]> rows = new ArrayList<>(window.size());
            for (Row<?> row : window) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = columns.get(i).valueOf(row, lookup);
                }
                rows.add(values);
            }
            return new QueryResult(type, selection, rows, idIndex(), rows.size());
        });
    }

    /** The last column is always the record's own id (for {@code attributes.url}). */
    private int idIndex() {
        return columns.size() - 1;
    }

    private List<Row<?>> sorted(List<Row<?>> rows) {
        record Keyed(Row<?> row, Object[] keys) {
        }
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (Row<?> row : rows) {
            Object[] keys = new Object[orderBy.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = orderBy.get(i).path().valueOf(row, lookup);
            }
            keyed.add(new Keyed(row, keys));
        }
        keyed.sort((a, b) -> {
            for (int i = 0; i < orderBy.size(); i++) {
                int c = orderBy.get(i).order().compare(a.keys()[i], b.keys()[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return keyed.stream().<Row<?>>map(Keyed::row).toList();
    }
}
