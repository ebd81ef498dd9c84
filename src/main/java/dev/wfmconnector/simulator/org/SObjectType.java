package dev.wfmconnector.simulator.org;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Schema of one simulated object: API name, key prefix, the API version it appeared in and its fields
 * (looked up case-insensitively, as SOQL does).
 */
public final class SObjectType<R extends SObjectRecord> {

    private final String name;
    private final String label;
    private final String keyPrefix;
    private final double since;
    private final Class<R> recordClass;
    private final Map<String, FieldDef> fieldsByLowerName;

    private SObjectType(String name, String label, String keyPrefix, double since, Class<R> recordClass,
                        List<FieldDef> fields) {
        this.name = name;
        this.label = label;
        this.keyPrefix = keyPrefix;
        this.since = since;
        this.recordClass = recordClass;
        Map<String, FieldDef> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name().toLowerCase(Locale.ROOT), f));
        this.fieldsByLowerName = Collections.unmodifiableMap(byName);
    }

    public static <R extends SObjectRecord> Builder<R> builder(String name, String label, String keyPrefix, double since,
                                                              Class<R> recordClass) {
        return new Builder<>(name, label, keyPrefix, since, recordClass);
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean availableIn(double apiVersion) {
        return apiVersion >= since;
    }

    public Class<R> recordClass() {
        return recordClass;
    }

    /** The field of that name (any case) if it exists in the given API version. */
    public FieldDef field(String fieldName, double apiVersion) {
        FieldDef field = fieldsByLowerName.get(fieldName.toLowerCase(Locale.ROOT));
        return field != null && field.availableIn(apiVersion) ? field : null;
    }

    /** The reference field whose relationship name is given (any case), if it exists in the given API version. */
    public FieldDef relationship(String relationshipName, double apiVersion) {
        for (FieldDef field : fieldsByLowerName.values()) {
            if (field.isRelationship() && field.relationshipName().equalsIgnoreCase(relationshipName)
                    && field.availableIn(apiVersion)) {
                return field;
            }
        }
        return null;
    }

    /** Fields of the given API version, in schema order. */
    public List<FieldDef> fields(double apiVersion) {
        return fieldsByLowerName.values().stream().filter(f -> f.availableIn(apiVersion)).toList();
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares the fields of an object in describe order; labels are derived from the API names. */
    public static final class Builder<R extends SObjectRecord> {
        private final String name;
        private final String label;
        private final String keyPrefix;
        private final double since;
        private final Class<R> recordClass;
        private final List<FieldDef> fields = new ArrayList<>();

        private Builder(String name, String label, String keyPrefix, double since, Class<R> recordClass) {
            this.name = name;
            this.label = label;
            this.keyPrefix = keyPrefix;
            this.since = since;
            this.recordClass = recordClass;
        }

        /** Id, IsDeleted and the audit fields. */
        public Builder<R> standardFields() {
            add("Id", FieldType.ID, 0, 18, null, null, false, row -> row.id());
            add("IsDeleted", FieldType.BOOLEAN, 0, 0, null, null, false, Row::deleted);
            add("CreatedDate", FieldType.DATETIME, 0, 0, null, null, false, row -> row.record().audit().createdDate());
            add("CreatedById", FieldType.REFERENCE, 0, 18, List.of("User"), "CreatedBy", false,
                    row -> row.record().audit().createdById());
            add("LastModifiedDate", FieldType.DATETIME, 0, 0, null, null, false,
                    row -> row.record().audit().lastModifiedDate());
            add("LastModifiedById", FieldType.REFERENCE, 0, 18, List.of("User"), "LastModifiedBy", false,
                    row -> row.record().audit().lastModifiedById());
            add("SystemModstamp", FieldType.DATETIME, 0, 0, null, null, false,
                    row -> row.record().audit().lastModifiedDate());
            return this;
        }

        public Builder<R> field(String fieldName, FieldType type, Function<R, Object> getter) {
            return field(fieldName, type, 0, getter);
        }

        public Builder<R> field(String fieldName, FieldType type, double fieldSince, Function<R, Object> getter) {
            int length = type.isId() ? 18 : type.isText() ? 255 : 0;
            add(fieldName, type, fieldSince, length, null, null, true, read(getter));
            return this;
        }

        /** A lookup to {@code target}; {@code relationshipName} may be null when SOQL cannot traverse it. */
        public Builder<R> reference(String fieldName, String relationshipName, List<String> targets, double fieldSince,
                                    Function<R, Object> getter) {
            add(fieldName, FieldType.REFERENCE, fieldSince, 18, targets, relationshipName, true, read(getter));
            return this;
        }

        public SObjectType<R> build() {
            return new SObjectType<>(name, label, keyPrefix, since, recordClass, fields);
        }

        private Function<Row<?>, Object> read(Function<R, Object> getter) {
            return row -> getter.apply(recordClass.cast(row.record()));
        }

        private void add(String fieldName, FieldType type, double fieldSince, int length, List<String> targets,
                         String relationshipName, boolean nillable, Function<Row<?>, Object> accessor) {
            fields.add(new FieldDef(fieldName, labelOf(fieldName), type, fieldSince, length,
                    targets == null ? List.of() : List.copyOf(targets), relationshipName, nillable, accessor));
        }

        private static String labelOf(String apiName) {
            String base = apiName.endsWith("Id") && apiName.length() > 2
                    ? apiName.substring(0, apiName.length() - 2) + " ID" : apiName;
            return base.replaceAll("([a-z])([A-Z])", "$1 $2");
        }
    }
}
