package dev.wfmconnector.historical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /** The page's paging facts and what happened to its records. */
    public record PageResult(long totalSize, boolean done, String nextRecordsUrl, int rows, SkippedRows skipped) {
    }

    public PageResult parse(InputStream page, Consumer<? super R> rows) throws IOException {
        try (JsonParser parser = JSON.createParser(page)) {
            return parse(parser, rows);
        }
    }

    public PageResult parse(byte[] page, Consumer<? super R> rows) throws IOException {
        try (JsonParser parser = JSON.createParser(page)) {
            return parse(parser, rows);
        }
    }

    public PageResult parse(String page, Consumer<? super R> rows) throws IOException {
        return parse(page.getBytes(StandardCharsets.UTF_8), rows);
    }

    private PageResult parse(JsonParser p, Consumer<? super R> rows) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("not a SOQL result page: " + p.currentToken());
        }
        long totalSize = 0;
        Boolean done = null;
        String nextRecordsUrl = null;
        int delivered = 0;
        SkippedRows skipped = new SkippedRows();
        RecordProblem problem = new RecordProblem();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "totalSize" -> totalSize = p.getValueAsLong();
                case "done" -> done = token == JsonToken.VALUE_NULL ? null : p.getValueAsBoolean();
                case "nextRecordsUrl" -> nextRecordsUrl = token == JsonToken.VALUE_STRING ? p.getText() : null;
                case "records" -> {
                    if (token == JsonToken.START_ARRAY) {
                        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                            if (t == null) {
                                throw new IOException("SOQL result page ends inside its records");
                            }
                            R row = null;
                            problem.reason = null;
                            if (t == JsonToken.START_OBJECT) {
                                row = readRecord(p, problem);
                            } else {
                                problem.note("record is not an object");
                                p.skipChildren();
                            }
                            if (row != null && problem.reason == null) {
                                rows.accept(row);
                                delivered++;
                            } else {
                                skipped.count(problem.reason == null ? "unreadable record" : problem.reason);
                            }
                        }
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

    /**
     * Reads one record from just after its {@code START_OBJECT} through its {@code END_OBJECT}, noting the first
     * problem; returns the row, or null when a required field is missing (noted too).
     */
    protected abstract R readRecord(JsonParser p, RecordProblem problem) throws IOException;

    /** The first reason a record cannot become a row. */
    protected static final class RecordProblem {
        private String reason;

        void note(String why) {
            if (reason == null) {
                reason = why;
            }
        }

        /** Notes {@code field: missing} when {@code value} is null; returns whether it is present. */
        boolean require(Object value, String field) {
            if (value == null) {
                note(field + ": missing");
                return false;
            }
            return true;
        }
    }

    /** A text value (numbers and booleans as their text), null for JSON null or ""; a nested value is a problem. */
    protected static String text(JsonParser p, String field, RecordProblem problem) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            String value = p.getText();
            return value.isEmpty() ? null : value;
        }
        problem.note(field + ": not a value");
        p.skipChildren();
        return null;
    }

    /** A datetime in epoch milliseconds, {@link SalesforceDateTime#INVALID} for null or a problem. */
    protected static long dateTime(JsonParser p, String field, RecordProblem problem) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return SalesforceDateTime.INVALID;
        }
        if (t == JsonToken.VALUE_STRING) {
            long millis = SalesforceDateTime.parseMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (millis != SalesforceDateTime.INVALID) {
                return millis;
            }
        }
        problem.note(field + ": not a datetime");
        p.skipChildren();
        return SalesforceDateTime.INVALID;
    }

    /** A duration in whole (or fractional) seconds, returned in milliseconds; 0 for null; negative is a problem. */
    protected static long secondsAsMillis(JsonParser p, String field, RecordProblem problem) throws IOException {
        JsonToken t = p.currentToken();
        double seconds;
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        } else if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue() < 0 ? negative(field, problem) : p.getLongValue() * 1000;
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            seconds = p.getDoubleValue();
        } else if (t == JsonToken.VALUE_STRING) {
            try {
                seconds = Double.parseDouble(p.getText().trim());
            } catch (NumberFormatException e) {
                problem.note(field + ": not a number");
                return 0;
            }
        } else {
            problem.note(field + ": not a number");
            p.skipChildren();
            return 0;
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return negative(field, problem);
        }
        return Math.round(seconds * 1000);
    }

    private static long negative(String field, RecordProblem problem) {
        problem.note(field + ": not a non-negative number");
        return 0;
    }

    /** A boolean ({@code true}/{@code false}, also as text); null reads as false. */
    protected static boolean bool(JsonParser p, String field, RecordProblem problem) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_STRING && ("true".equalsIgnoreCase(p.getText()) || "false".equalsIgnoreCase(p.getText()))) {
            return "true".equalsIgnoreCase(p.getText());
        }
        problem.note(field + ": not a boolean");
        p.skipChildren();
        return false;
    }

    protected static java.time.Instant instant(long millis) {
        return millis == SalesforceDateTime.INVALID ? null : java.time.Instant.ofEpochMilli(millis);
    }
}
