package dev.wfmconnector.simulator.soql;

/**
 * A SOQL query Salesforce would refuse, with its error code ({@code MALFORMED_QUERY}, {@code INVALID_FIELD},
 * {@code INVALID_TYPE}, {@code INVALID_QUERY_FILTER_OPERATOR}, {@code NUMBER_OUTSIDE_VALID_RANGE}) and the
 * 0-based position of the offending token. {@link #salesforceMessage()} is the message as Salesforce words it:
 * the query line, a caret under the token, {@code ERROR at Row:r:Column:c} and the reason.
 */
public final class SoqlException extends RuntimeException {

    public static final String MALFORMED_QUERY = "MALFORMED_QUERY";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String INVALID_TYPE = "INVALID_TYPE";
    public static final String INVALID_QUERY_FILTER_OPERATOR = "INVALID_QUERY_FILTER_OPERATOR";
    public static final String NUMBER_OUTSIDE_VALID_RANGE = "NUMBER_OUTSIDE_VALID_RANGE";

    private final String errorCode;
    private final String query;
    private final int position;

    public SoqlException(String errorCode, String reason, String query, int position) {
        super(reason);
        this.errorCode = errorCode;
        this.query = query;
        this.position = position;
    }

    public String errorCode() {
        return errorCode;
    }

    /** 0-based character offset of the offending token in the query (the query length for its end). */
    public int position() {
        return position;
    }

    /** 1-based line of the offending token. */
    public int row() {
        return (int) query.substring(0, position).chars().filter(c -> c == '\n').count() + 1;
    }

    /** 1-based column of the offending token within its line. */
    public int column() {
        return position - query.lastIndexOf('\n', position - 1);
    }

    public String salesforceMessage() {
        int lineStart = query.lastIndexOf('\n', position - 1) + 1;
        int lineEnd = query.indexOf('\n', position);
        String line = query.substring(lineStart, lineEnd < 0 ? query.length() : lineEnd);
        return "\n" + line + "\n" + " ".repeat(column() - 1) + "^\nERROR at Row:" + row() + ":Column:" + column()
                + "\n" + getMessage();
    }
}
