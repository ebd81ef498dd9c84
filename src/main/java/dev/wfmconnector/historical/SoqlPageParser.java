package dev.wfmconnector.historical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Streams the records of one raw SOQL result page ({@code query} or {@code queryMore} with {@code rawPayload=true}):
 * {@code {"totalSize":..,"done":..,"nextRecordsUrl":..,"records":[{"attributes":{..},"Id":..,...},...]}}, top-level
 * fields in any order. Each record becomes a row handed to a consumer at once, so a page is never held as a tree.
 * A record that cannot become a row (a required field missing, a datetime that does not parse...) is skipped and
 * counted by reason in the page result; only a page that is not JSON throws. Fields the query did not select are
 * read as null; unknown fields and nested objects are skipped.
 *
 * @param <R> the row type
 */
public abstract class SoqlPageParser<R> {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * The page's paging facts and what happened to its records.
     *
     * @param totalSize      the query's totalSize (0 when absent)
     * @param done           whether this is the last page (when absent: no nextRecordsUrl)
     * @param nextRecordsUrl the {@code queryMore} locator of the next page, null on the last one
     * @param rows           rows handed to the consumer
     * @param skipped        records skipped, by reason
     */
    public record PageResult(long totalSize, boolean done, String nextRecordsUrl, int rows, SkippedRows skipped) {
    }

    /**
     * Reads one page, handing each row to {@code rows} as soon as it is read.
     *
     * @throws IOException when the page is not a JSON SOQL result (e.g. an error array), or ends early
     */
    public PageResult parse(InputStream page, Consumer<? super R> rows) throws IOException {
        return parse(page, new SharedStrings(), rows);
    }

    /**
     * {@link #parse(InputStream, Consumer)} with the values that repeat across rows shared through {@code shared}, which
     * can serve every page of a query (or of a run), so a value read on several pages is one String.
     */
    public PageResult parse(InputStream page, SharedStrings shared, Consumer<? super R> rows) throws IOException {
        try (JsonParser parser = JSON.createParser(page)) {
            return parse(parser, shared, rows);
        }
    }

    /** {@link #parse(InputStream, Consumer)} of a page in memory. */
    public PageResult parse(byte[] page, Consumer<? super R> rows) throws IOException {
        try (JsonParser parser = JSON.createParser(page)) {
            return parse(parser, new SharedStrings(), rows);
        }
    }

    /** {@link #parse(InputStream, Consumer)} of a page in memory. */
    public PageResult parse(String page, Consumer<? super R> rows) throws IOException {
        return parse(page.getBytes(StandardCharsets.UTF_8), rows);
    }

    private PageResult parse(JsonParser p, SharedStrings shared, Consumer<? super R> rows) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("not a SOQL result page: " + p.currentToken());
        }
        long totalSize = 0;
        Boolean done = null;
        String nextRecordsUrl = null;
        int delivered = 0;
        SkippedRows skipped = new SkippedRows();
        FieldReader fields = new FieldReader(p, shared);
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "totalSize" -> totalSize = p.getValueAsLong();
                case "done" -> done = token == JsonToken.VALUE_NULL ? null : p.getValueAsBoolean();
                case "nextRecordsUrl" -> nextRecordsUrl = token == JsonToken.VALUE_STRING ? p.getText() : null;
                case "records" -> {
                    if (token == JsonToken.START_ARRAY) {
                        delivered += readRecords(p, fields, rows, skipped);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new PageResult(totalSize, done != null ? done : nextRecordsUrl == null, nextRecordsUrl, delivered,
                skipped);
    }

    /** Reads the records array from just after its {@code START_ARRAY}; returns the number of rows delivered. */
    private int readRecords(JsonParser p, FieldReader fields, Consumer<? super R> rows, SkippedRows skipped)
            throws IOException {
        int delivered = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new IOException("SOQL result page ends inside its records");
            }
            fields.problem = null;
            R row = null;
            if (t == JsonToken.START_OBJECT) {
                fields.position = 0;
                row = readRecord(p, fields);
                fields.learning = false;
            } else {
                fields.note("record is not an object");
                p.skipChildren();
            }
            if (row != null && fields.problem == null) {
                rows.accept(row);
                delivered++;
            } else {
                skipped.count(fields.problem == null ? "unreadable record" : fields.problem);
            }
        }
        return delivered;
    }

    /**
     * Reads one record from just after its {@code START_OBJECT} through its {@code END_OBJECT} with {@code fields},
     * which notes the first problem; returns the row, or null when a required field is missing (noted too).
     */
    protected abstract R readRecord(JsonParser p, FieldReader fields) throws IOException;

    /**
     * Reads the fields of the current record: {@link #next} finds the next field a parser reads, and the value methods
     * read the value the parser is on, noting the first problem of the record. Values that repeat across rows (user,
     * queue, status ids and names) are read through {@link SharedStrings}.
     */
    protected static final class FieldReader {
        private static final int OTHER = -1;

        private final JsonParser p;
        private final SharedStrings shared;
        /** The field names in the order the page's records give them (a query's select list), from its first record. */
        private SerializedString[] order = new SerializedString[0];
        /** For each name in {@link #order}: its index in the parser's known fields, or {@link #OTHER}. */
        private int[] known = new int[0];
        private boolean learning = true;
        private int position;
        private String problem;

        private FieldReader(JsonParser p, SharedStrings shared) {
            this.p = p;
            this.shared = shared;
        }

        /**
         * The record's next field among {@code fields}, with the parser on its value, or null at the end of the record.
         * Other fields (attributes, fields selected for someone else) are skipped. {@code fields} is a parser's enum
         * of the fields it reads, its constants named as the API fields, the same array for every record. Matches the
         * bytes of the name the records' order makes likely instead of decoding and looking it up: a record whose
         * fields come in another order, or with fields missing or added, is read just as well, only slower.
         */
        <F extends Enum<F>> F next(F[] fields) throws IOException {
            while (true) {
                int field;
                if (position < order.length && p.nextFieldName(order[position])) {
                    field = known[position++];
                } else {
                    String name = position < order.length
                            ? (p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null)
                            : p.nextFieldName();
                    if (name == null) {
                        return null;
                    }
                    field = unexpected(name, fields);
                }
                p.nextToken();
                if (field != OTHER) {
                    return fields[field];
                }
                p.skipChildren();
            }
        }

        /** A name out of the learned order: learns it from the first record, else expects the one after it next. */
        private int unexpected(String name, Enum<?>[] fields) {
            int field = OTHER;
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].name().equals(name)) {
                    field = i;
                    break;
                }
            }
            if (learning) {
                order = Arrays.copyOf(order, order.length + 1);
                order[order.length - 1] = new SerializedString(name);
                known = Arrays.copyOf(known, known.length + 1);
                known[known.length - 1] = field;
                position = order.length;
            } else {
                for (int i = 0; i < order.length; i++) {
                    if (order[i].getValue().equals(name)) {
                        position = i + 1;
                        break;
                    }
                }
            }
            return field;
        }

        void note(String why) {
            if (problem == null) {
                problem = why;
            }
        }

        /** Notes {@code field: missing} when {@code value} is null; returns whether it is present. */
        boolean require(String value, String field) {
            if (value == null) {
                note(field + ": missing");
                return false;
            }
            return true;
        }

        /** Notes {@code field: missing} when not {@code present}. */
        boolean require(boolean present, String field) {
            if (!present) {
                note(field + ": missing");
            }
            return present;
        }

        /** Notes {@code field: missing} when {@code millis} is {@link SalesforceDateTime#NONE}. */
        boolean require(long millis, String field) {
            if (millis == SalesforceDateTime.NONE) {
                note(field + ": missing");
                return false;
            }
            return true;
        }

        /**
         * Whether the value is there (not JSON null), without decoding it; a nested value is a problem. For a required
         * field whose value the row does not keep.
         */
        boolean present(String field) throws IOException {
            JsonToken t = p.currentToken();
            if (t.isScalarValue()) {
                return t != JsonToken.VALUE_NULL;
            }
            note(field + ": not a value");
            p.skipChildren();
            return false;
        }

        /** A text value (numbers and booleans as their text); null for JSON null or ""; a nested value is a problem. */
        String text(String field) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t.isScalarValue()) {
                String value = p.getText();
                return value.isEmpty() ? null : value;
            }
            note(field + ": not a value");
            p.skipChildren();
            return null;
        }

        /** {@link #text} for a value that repeats across rows, read through the {@link SharedStrings}. */
        String sharedText(String field) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return text(field);
            }
            int length = p.getTextLength();
            return length == 0 ? null : shared.of(p.getTextCharacters(), p.getTextOffset(), length);
        }

        /** A datetime in epoch milliseconds, {@link SalesforceDateTime#NONE} for null or a problem. */
        long dateTime(String field) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return SalesforceDateTime.NONE;
            }
            if (t == JsonToken.VALUE_STRING) {
                long millis = SalesforceDateTime.parseMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                if (millis != SalesforceDateTime.NONE) {
                    return millis;
                }
            }
            note(field + ": not a datetime");
            p.skipChildren();
            return SalesforceDateTime.NONE;
        }

        /** A duration in whole (or fractional) seconds, in milliseconds; 0 for null; negative is a problem. */
        long secondsAsMillis(String field) throws IOException {
            JsonToken t = p.currentToken();
            double seconds;
            if (t == JsonToken.VALUE_NULL) {
                return 0;
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
                seconds = p.getLongValue();
            } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                seconds = p.getDoubleValue();
            } else if (t == JsonToken.VALUE_STRING) {
                try {
                    seconds = Double.parseDouble(p.getText().trim());
                } catch (NumberFormatException e) {
                    note(field + ": not a number");
                    return 0;
                }
            } else {
                note(field + ": not a number");
                p.skipChildren();
                return 0;
            }
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                note(field + ": not a non-negative number");
                return 0;
            }
            return Math.round(seconds * 1000);
        }

        /** A boolean ({@code true}/{@code false}, also as text); null reads as false. */
        boolean bool(String field) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
                return t == JsonToken.VALUE_TRUE;
            }
            if (t == JsonToken.VALUE_STRING && ("true".equalsIgnoreCase(p.getText()) || "false".equalsIgnoreCase(p.getText()))) {
                return "true".equalsIgnoreCase(p.getText());
            }
            note(field + ": not a boolean");
            p.skipChildren();
            return false;
        }
    }
}
