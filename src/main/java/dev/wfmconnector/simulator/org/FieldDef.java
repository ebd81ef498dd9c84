package dev.wfmconnector.simulator.org;

import java.util.List;
import java.util.function.Function;

/**
 * One field of a simulated object: API name, label, type, the API version it appeared in, and how to read it
 * from a stored row. A reference field names its target objects and, when it can be traversed in SOQL,
 * its relationship name (e.g. {@code ServicePresenceStatusId} → {@code ServicePresenceStatus}).
 */
public record FieldDef(String name, String label, FieldType type, double since, int length,
                       List<String> referenceTo, String relationshipName, boolean nillable,
                       Function<Row<?>, Object> accessor) {

    public Object valueOf(Row<?> row) {
        return accessor.apply(row);
    }

    public boolean availableIn(double apiVersion) {
        return apiVersion >= since;
    }

    public boolean isRelationship() {
        return relationshipName != null;
    }
}
