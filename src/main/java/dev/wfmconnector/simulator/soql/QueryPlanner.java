package dev.wfmconnector.simulator.soql;

import dev.wfmconnector.salesforce.SalesforceIds;
import dev.wfmconnector.simulator.org.FieldDef;
import dev.wfmconnector.simulator.org.FieldType;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.Row;
import dev.wfmconnector.simulator.org.SObjectType;
import dev.wfmconnector.simulator.soql.QueryResult.Selected;
import dev.wfmconnector.simulator.soql.QueryResult.SelectedField;
import dev.wfmconnector.simulator.soql.QueryResult.SelectedParent;
import dev.wfmconnector.simulator.soql.SoqlQuery.And;
import dev.wfmconnector.simulator.soql.SoqlQuery.Comparison;
import dev.wfmconnector.simulator.soql.SoqlQuery.Condition;
import dev.wfmconnector.simulator.soql.SoqlQuery.DateRange;
import dev.wfmconnector.simulator.soql.SoqlQuery.FieldPath;
import dev.wfmconnector.simulator.soql.SoqlQuery.InList;
import dev.wfmconnector.simulator.soql.SoqlQuery.Like;
import dev.wfmconnector.simulator.soql.SoqlQuery.Literal;
import dev.wfmconnector.simulator.soql.SoqlQuery.LiteralKind;
import dev.wfmconnector.simulator.soql.SoqlQuery.Not;
import dev.wfmconnector.simulator.soql.SoqlQuery.Operator;
import dev.wfmconnector.simulator.soql.SoqlQuery.Or;
import dev.wfmconnector.simulator.soql.SoqlQuery.Ordering;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a parsed query against the schema of one API version and compiles its condition and ordering, with
 * SOQL's semantics: text compares ignoring case, ids in 15- or 18-character form, {@code !=} and {@code NOT IN}
 * match empty fields, nulls sort first unless {@code NULLS LAST}; relative date literals use UTC days
 * ({@code LAST_N_DAYS:n} is today and the n days before, {@code NEXT_N_DAYS:n} the n days after today).
 */
public final class QueryPlanner {

    private static final int MAX_OFFSET = 2000;

    private final SoqlQuery query;
    private final double apiVersion;
    private final Clock clock;
    private final Function<String, Row<?>> lookup;

    private QueryPlanner(SoqlQuery query, double apiVersion, Clock clock, Function<String, Row<?>> lookup) {
        this.query = query;
        this.apiVersion = apiVersion;
        this.clock = clock;
        this.lookup = lookup;
    }

    /**
     * Plans a query for an API version; {@code lookup} finds a row by id (parent relationships),
     * {@code clock} gives "today" for relative date literals.
     *
     * @throws SoqlException INVALID_TYPE, INVALID_FIELD, INVALID_QUERY_FILTER_OPERATOR, MALFORMED_QUERY or
     *                       NUMBER_OUTSIDE_VALID_RANGE, with the position of the offending token
     */
    public static QueryPlan plan(SoqlQuery query, double apiVersion, Clock clock, Function<String, Row<?>> lookup) {
        return new QueryPlanner(query, apiVersion, clock, lookup).plan();
    }

    private QueryPlan plan() {
        SObjectType<?> type = OrgSchema.find(query.object(), apiVersion);
        if (type == null) {
            throw new SoqlException(SoqlException.INVALID_TYPE, "sObject type '" + query.object()
                    + "' is not supported. If you are attempting to use a custom object, be sure to append the '__c'"
                    + " after the entity name. Please reference your WSDL or the describe call for the appropriate"
                    + " names.", query.text(), query.objectPosition());
        }
        if (query.offset() != null && query.offset() > MAX_OFFSET) {
            throw new SoqlException(SoqlException.NUMBER_OUTSIDE_VALID_RANGE,
                    "Maximum SOQL offset allowed is " + MAX_OFFSET, query.text(), query.offsetPosition());
        }
        List<Selected> selection = new ArrayList<>();
        List<ResolvedPath> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FieldPath path : query.fields()) {
            ResolvedPath resolved = resolve(type, path);
            String canonical = canonicalName(resolved);
            if (!seen.add(canonical.toLowerCase(Locale.ROOT))) {
                throw new SoqlException(SoqlException.MALFORMED_QUERY, "duplicate field selected: " + canonical,
                        query.text(), path.position());
            }
            select(selection, columns, resolved, 0);
        }
        columns.add(new ResolvedPath(List.of(), type.field("Id", apiVersion)));
        Predicate<Row<?>> where = query.where() == null ? row -> true : compile(type, query.where());
        List<QueryPlan.SortKey> orderBy = query.orderBy().stream().map(o -> sortKey(type, o)).toList();
        return new QueryPlan(type, query.count(), List.copyOf(selection), List.copyOf(columns), where, orderBy,
                query.limit(), query.offset(), lookup);
    }

    // ---------------------------------------------------------------- field paths and selection

    private ResolvedPath resolve(SObjectType<?> type, FieldPath path) {
        List<FieldDef> relationships = new ArrayList<>();
        SObjectType<?> current = type;
        List<String> names = path.names();
        for (int i = 0; i < names.size() - 1; i++) {
            FieldDef reference = current.relationship(names.get(i), apiVersion);
            SObjectType<?> target = reference == null ? null : OrgSchema.find(reference.referenceTo().get(0), apiVersion);
            if (target == null) {
                throw new SoqlException(SoqlException.INVALID_FIELD, "Didn't understand relationship '"
                        + names.get(i) + "' in field path. If you are attempting to use a custom relationship, be sure"
                        + " to append the '__r' after the custom relationship name. Please reference your WSDL or the"
                        + " describe call for the appropriate names.", query.text(), path.position());
            }
            relationships.add(reference);
            current = target;
        }
        String fieldName = names.get(names.size() - 1);
        FieldDef field = current.field(fieldName, apiVersion);
        if (field == null) {
            String shown = names.size() == 1 ? fieldName : path.text();
            throw new SoqlException(SoqlException.INVALID_FIELD, "No such column '" + shown + "' on entity '"
                    + current.name() + "'. If you are attempting to use a custom field, be sure to append the '__c'"
                    + " after the custom field name. Please reference your WSDL or the describe call for the"
                    + " appropriate names.", query.text(), path.position());
        }
        return new ResolvedPath(List.copyOf(relationships), field);
    }

    private static String canonicalName(ResolvedPath path) {
        StringBuilder name = new StringBuilder();
        path.relationships().forEach(r -> name.append(r.relationshipName()).append('.'));
        return name.append(path.field().name()).toString();
    }

    /** Adds a resolved path to the selection tree, creating parent-relationship nodes as needed. */
    private static void select(List<Selected> level, List<ResolvedPath> columns, ResolvedPath path, int depth) {
        if (depth == path.relationships().size()) {
            level.add(new SelectedField(path.field(), columns.size()));
            columns.add(path);
            return;
        }
        FieldDef reference = path.relationships().get(depth);
        for (int i = 0; i < level.size(); i++) {
            if (level.get(i) instanceof SelectedParent parent && parent.reference().equals(reference)) {
                List<Selected> children = new ArrayList<>(parent.children());
                select(children, columns, path, depth + 1);
                level.set(i, new SelectedParent(reference, parent.idIndex(), List.copyOf(children)));
                return;
            }
        }
        int idIndex = columns.size();
        columns.add(new ResolvedPath(path.relationships().subList(0, depth), reference));
        List<Selected> children = new ArrayList<>();
        select(children, columns, path, depth + 1);
        level.add(new SelectedParent(reference, idIndex, List.copyOf(children)));
    }

    // ---------------------------------------------------------------- conditions

    private Predicate<Row<?>> compile(SObjectType<?> type, Condition condition) {
        if (condition instanceof And and) {
            List<Predicate<Row<?>>> terms = and.terms().stream().map(t -> compile(type, t)).toList();
            return row -> terms.stream().allMatch(t -> t.test(row));
        }
        if (condition instanceof Or or) {
            List<Predicate<Row<?>>> terms = or.terms().stream().map(t -> compile(type, t)).toList();
            return row -> terms.stream().anyMatch(t -> t.test(row));
        }
        if (condition instanceof Not not) {
            return compile(type, not.term()).negate();
        }
        if (condition instanceof Comparison comparison) {
            ResolvedPath path = resolve(type, comparison.field());
            Predicate<Object> test = comparison(path.field(), comparison.operator(), comparison.value(),
                    comparison.operatorPosition());
            return row -> test.test(path.valueOf(row, lookup));
        }
        if (condition instanceof InList in) {
            ResolvedPath path = resolve(type, in.field());
            List<Predicate<Object>> equals = in.values().stream()
                    .map(v -> comparison(path.field(), Operator.EQ, v, v.position())).toList();
            Predicate<Object> member = value -> equals.stream().anyMatch(e -> e.test(value));
            return in.negated()
                    ? row -> !member.test(path.valueOf(row, lookup))
                    : row -> member.test(path.valueOf(row, lookup));
        }
        Like like = (Like) condition;
        ResolvedPath path = resolve(type, like.field());
        if (!path.field().type().isText()) {
            throw new SoqlException(SoqlException.INVALID_QUERY_FILTER_OPERATOR, "invalid operator on "
                    + path.field().type().describeName() + " field", query.text(), like.field().position());
        }
        if (like.pattern().kind() != LiteralKind.STRING) {
            throw typeError(path.field(), like.pattern());
        }
        Pattern pattern = likePattern((String) like.pattern().value());
        return row -> {
            Object value = path.valueOf(row, lookup);
            return value != null && pattern.matcher((String) value).matches();
        };
    }

    /** A test of a field value against one literal; null field values match only {@code != value} and {@code = null}. */
    private Predicate<Object> comparison(FieldDef field, Operator op, Literal literal, int operatorPosition) {
        FieldType type = field.type();
        if (literal.kind() == LiteralKind.NULL) {
            return switch (op) {
                case EQ -> Objects::isNull;
                case NE -> Objects::nonNull;
                default -> throw new SoqlException(SoqlException.INVALID_QUERY_FILTER_OPERATOR,
                        "invalid operator on null: " + op.symbol(), query.text(), operatorPosition);
            };
        }
        if (type == FieldType.BOOLEAN && op != Operator.EQ && op != Operator.NE) {
            throw new SoqlException(SoqlException.INVALID_QUERY_FILTER_OPERATOR,
                    "invalid operator on boolean field: " + op.symbol(), query.text(), operatorPosition);
        }
        if (type == FieldType.DATETIME && literal.kind() == LiteralKind.DATE_RANGE) {
            return dateRange(op, (DateRange) literal.value());
        }
        Object expected = typedValue(field, literal);
        Comparator<Object> order = comparatorFor(type);
        return value -> {
            if (value == null) {
                return op == Operator.NE;
            }
            int c = order.compare(value, expected);
            return switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        };
    }

    /** The literal as a value comparable with the field's values, or the type error Salesforce gives. */
    private Object typedValue(FieldDef field, Literal literal) {
        FieldType type = field.type();
        if (type.isId()) {
            if (literal.kind() != LiteralKind.STRING) {
                throw typeError(field, literal);
            }
            String id = (String) literal.value();
            if (!SalesforceIds.isValid(id)) {
                throw new SoqlException(SoqlException.INVALID_QUERY_FILTER_OPERATOR, "invalid ID field: " + id,
                        query.text(), literal.position());
            }
            return SalesforceIds.to18(id);
        }
        LiteralKind expected = type.isText() ? LiteralKind.STRING
                : type == FieldType.DATETIME ? LiteralKind.DATETIME
                : type == FieldType.BOOLEAN ? LiteralKind.BOOLEAN
                : LiteralKind.NUMBER;
        if (literal.kind() != expected) {
            throw typeError(field, literal);
        }
        return literal.kind() == LiteralKind.NUMBER ? ((BigDecimal) literal.value()).doubleValue() : literal.value();
    }

    private SoqlException typeError(FieldDef field, Literal literal) {
        FieldType type = field.type();
        String typeName = type == FieldType.DATETIME ? "dateTime" : type.isText() ? "string" : type.describeName();
        boolean quoted = type.isText() || type.isId();
        return new SoqlException(SoqlException.INVALID_FIELD, "value of filter criterion for field '" + field.name()
                + "' must be of type " + typeName + " and should " + (quoted ? "" : "not ") + "be enclosed in quotes",
                query.text(), literal.position());
    }

    private Predicate<Object> dateRange(Operator op, DateRange range) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = switch (range.name()) {
            case "TODAY" -> today;
            case "YESTERDAY" -> today.minusDays(1);
            case "TOMORROW" -> today.plusDays(1);
            case "LAST_N_DAYS" -> today.minusDays(range.days());
            default -> today.plusDays(1);
        };
        LocalDate last = switch (range.name()) {
            case "YESTERDAY" -> today.minusDays(1);
            case "TOMORROW" -> today.plusDays(1);
            case "NEXT_N_DAYS" -> today.plusDays(range.days());
            default -> today;
        };
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return value -> {
            if (value == null) {
                return op == Operator.NE;
            }
            Instant t = (Instant) value;
            boolean within = !t.isBefore(start) && t.isBefore(end);
            return switch (op) {
                case EQ -> within;
                case NE -> !within;
                case LT -> t.isBefore(start);
                case LE -> t.isBefore(end);
                case GT -> !t.isBefore(end);
                case GE -> !t.isBefore(start);
            };
        };
    }

    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    // ---------------------------------------------------------------- ordering

    private QueryPlan.SortKey sortKey(SObjectType<?> type, Ordering ordering) {
        ResolvedPath path = resolve(type, ordering.field());
        Comparator<Object> values = comparatorFor(path.field().type());
        if (ordering.descending()) {
            values = values.reversed();
        }
        Comparator<Object> order = ordering.nullsLast() ? Comparator.nullsLast(values) : Comparator.nullsFirst(values);
        return new QueryPlan.SortKey(path, order);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> comparatorFor(FieldType type) {
        if (type.isText()) {
            return (a, b) -> ((String) a).compareToIgnoreCase((String) b);
        }
        if (type.isNumber()) {
            return (a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return (a, b) -> ((Comparable) a).compareTo(b);
    }
}
