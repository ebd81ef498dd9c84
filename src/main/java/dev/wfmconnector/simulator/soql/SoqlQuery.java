package dev.wfmconnector.simulator.soql;

import java.util.List;

/**
 * A parsed SOQL query of the supported subset: {@code SELECT fields | COUNT() FROM object [WHERE condition]
 * [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n]}. Names are as written; they are
 * checked against the schema when the query is planned. Positions are 0-based offsets into the query text.
 */
public record SoqlQuery(String text, List<FieldPath> fields, boolean count, String object, int objectPosition,
                        Condition where, List<Ordering> orderBy, Integer limit, Integer offset, int offsetPosition) {

    /** A field, or a path through parent relationships such as {@code ServicePresenceStatus.MasterLabel}. */
    public record FieldPath(List<String> names, int position) {
        public String text() {
            return String.join(".", names);
        }
    }

    /** A WHERE condition. */
    public sealed interface Condition permits Comparison, InList, Like, And, Or, Not {
    }

    /** {@code field op value}, op one of = != < <= > >=. */
    public record Comparison(FieldPath field, Operator operator, Literal value, int operatorPosition)
            implements Condition {
    }

    /** {@code field [NOT] IN (values)}. */
    public record InList(FieldPath field, boolean negated, List<Literal> values) implements Condition {
    }

    /** {@code field LIKE 'pattern'} ({@code %} any run, {@code _} one character). */
    public record Like(FieldPath field, Literal pattern) implements Condition {
    }

    public record And(List<Condition> terms) implements Condition {
    }

    public record Or(List<Condition> terms) implements Condition {
    }

    public record Not(Condition term) implements Condition {
    }

    public enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** A literal value; {@code value} is a String, BigDecimal, Instant, LocalDate, Boolean, DateRange or null. */
    public record Literal(LiteralKind kind, Object value, String text, int position) {
    }

    public enum LiteralKind { STRING, NUMBER, DATETIME, DATE, BOOLEAN, NULL, DATE_RANGE }

    /** A relative date literal: {@code TODAY}, {@code YESTERDAY}, {@code TOMORROW}, {@code LAST_N_DAYS:n}, {@code NEXT_N_DAYS:n}. */
    public record DateRange(String name, int days) {
    }

    public record Ordering(FieldPath field, boolean descending, boolean nullsLast) {
    }
}
