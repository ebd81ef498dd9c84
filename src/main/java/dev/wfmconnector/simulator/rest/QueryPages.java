package dev.wfmconnector.simulator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.SObjectType;
import dev.wfmconnector.simulator.soql.QueryResult;
import dev.wfmconnector.simulator.soql.QueryResult.Selected;
import dev.wfmconnector.simulator.soql.QueryResult.SelectedField;
import dev.wfmconnector.simulator.soql.QueryResult.SelectedParent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes query answers as Salesforce does: {@code {totalSize, done, nextRecordsUrl?, records}}, each record with
 * {@code attributes {type, url}} and its fields in SELECT order, parent relationships as nested records.
 */
final class QueryPages {

    private QueryPages() {
    }

    /** The page of rows {@code [from, to)}; {@code nextRecordsUrl} null on the last page. */
    static byte[] page(QueryResult result, int from, int to, String nextRecordsUrl, String version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, (to - from) * 400));
        try (JsonGenerator json = SalesforceJson.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("totalSize", result.totalSize());
            json.writeBooleanField("done", nextRecordsUrl == null);
            if (nextRecordsUrl != null) {
                json.writeStringField("nextRecordsUrl", nextRecordsUrl);
            }
            json.writeArrayFieldStart("records");
            List<Object[]> rows = result.rows();
            for (int i = from; i < to; i++) {
                Object[] values = rows.get(i);
                writeRecord(json, result.type(), (String) values[result.idIndex()], result.selection(), values,
                        version);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One record with its attributes; also used to answer a record retrieve. */
    static void writeRecord(JsonGenerator json, SObjectType<?> type, String id, List<Selected> selection,
                            Object[] values, String version) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("attributes");
        json.writeStringField("type", type.name());
        json.writeStringField("url", "/services/data/" + version + "/sobjects/" + type.name() + "/" + id);
        json.writeEndObject();
        for (Selected selected : selection) {
            if (selected instanceof SelectedField field) {
                json.writeFieldName(field.field().name());
                writeValue(json, values[field.index()]);
            } else {
                SelectedParent parent = (SelectedParent) selected;
                json.writeFieldName(parent.reference().relationshipName());
                String parentId = (String) values[parent.idIndex()];
                SObjectType<?> parentType = parentId == null ? null : OrgSchema.ofId(parentId);
                if (parentType == null) {
                    json.writeNull();
                } else {
                    writeRecord(json, parentType, parentId, parent.children(), values, version);
                }
            }
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Instant instant) {
            json.writeString(SalesforceJson.datetime(instant));
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer integer) {
            json.writeNumber(integer);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else {
            json.writeString(value.toString());
        }
    }
}
