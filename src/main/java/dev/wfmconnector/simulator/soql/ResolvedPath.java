package dev.wfmconnector.simulator.soql;

import dev.wfmconnector.simulator.org.FieldDef;
import dev.wfmconnector.simulator.org.Row;
import java.util.List;
import java.util.function.Function;

/** A field path resolved against the schema: the relationship (reference) fields to follow, then the field to read. */
record ResolvedPath(List<FieldDef> relationships, FieldDef field) {

    /** The value at the end of the path, null when a relationship on the way is empty. */
    Object valueOf(Row<?> row, Function<String, Row<?>> lookup) {
        Row<?> current = row;
        for (FieldDef relationship : relationships) {
            Object parentId = relationship.valueOf(current);
            current = parentId == null ? null : lookup.apply((String) parentId);
            if (current == null) {
                return null;
            }
        }
        return field.valueOf(current);
    }
}
