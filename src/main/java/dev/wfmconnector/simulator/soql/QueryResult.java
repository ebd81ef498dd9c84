package dev.wfmconnector.simulator.soql;

import dev.wfmconnector.simulator.org.FieldDef;
import dev.wfmconnector.simulator.org.SObjectType;
import java.util.List;

/**
 * The rows a query selected, as values fixed when it ran (a stable snapshot for paging). Each row is an array
 * indexed by the {@link Selected} tree: a field's value, or for a parent relationship the parent's id (null when
 * the lookup is empty); {@code idIndex} holds the record's own id. {@code totalSize} counts the rows, or the
 * matches of {@code COUNT()}.
 */
public record QueryResult(SObjectType<?> type, List<Selected> selection, List<Object[]> rows, int idIndex,
                          int totalSize) {

    /** A selected field or parent relationship, in the order of the SELECT list. */
    public sealed interface Selected permits SelectedField, SelectedParent {
    }

    public record SelectedField(FieldDef field, int index) implements Selected {
    }

    /** A parent relationship ({@code reference.relationshipName()}) whose id is at {@code idIndex}. */
    public record SelectedParent(FieldDef reference, int idIndex, List<Selected> children) implements Selected {
    }
}
