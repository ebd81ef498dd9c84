package dev.wfmconnector.simulator.soql;

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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the SOQL subset of {@link SoqlQuery}. Like Salesforce it refuses AND and OR mixed without parentheses,
 * and reports a malformed query as {@code MALFORMED_QUERY} naming the unexpected token and its position.
 */
public final class SoqlParser {

    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss[.SSS][.SS][.S]xx");

    private enum Kind { WORD, STRING, NUMBER, DATETIME, DATE, SYMBOL, EOF }

    private record Token(Kind kind, String text, Object value, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    /** Salesforce's limit on the length of a SOQL statement. */
    private static final int MAX_LENGTH = 100_000;
    private static final int MAX_NESTING = 100;

    private final String text;
    private final List<Token> tokens;
    private int index;
    private int nesting;

    private SoqlParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    public static SoqlQuery parse(String soql) {
        if (soql == null || soql.isBlank()) {
            String query = soql == null ? "" : soql;
            throw new SoqlException(SoqlException.MALFORMED_QUERY, "unexpected token: <EOF>", query, query.length());
        }
        if (soql.length() > MAX_LENGTH) {
            throw new SoqlException(SoqlException.MALFORMED_QUERY,
                    "SOQL statements cannot be longer than 100,000 characters.", soql, 0);
        }
        return new SoqlParser(soql).query();
    }

    // ---------------------------------------------------------------- grammar

    private SoqlQuery query() {
        expectWord("SELECT");
        boolean count = false;
        List<FieldPath> fields = new ArrayList<>();
        if (peek().isWord("COUNT") && tokens.get(index + 1).isSymbol("(")) {
            next();
            expectSymbol("(");
            expectSymbol(")");
            count = true;
        } else {
            fields.add(fieldPath());
            while (peek().isSymbol(",")) {
                next();
                fields.add(fieldPath());
            }
        }
        expectWord("FROM");
        Token object = expect(Kind.WORD);
        Condition where = null;
        if (peek().isWord("WHERE")) {
            next();
            where = condition();
        }
        List<Ordering> orderBy = new ArrayList<>();
        if (peek().isWord("ORDER")) {
            next();
            expectWord("BY");
            orderBy.add(ordering());
            while (peek().isSymbol(",")) {
                next();
                orderBy.add(ordering());
            }
        }
        Integer limit = null;
        if (peek().isWord("LIMIT")) {
            next();
            limit = nonNegativeInteger();
        }
        Integer offset = null;
        int offsetPosition = -1;
        if (peek().isWord("OFFSET")) {
            next();
            offsetPosition = peek().position();
            offset = nonNegativeInteger();
        }
        expect(Kind.EOF);
        return new SoqlQuery(text, List.copyOf(fields), count, object.text(), object.position(), where,
                List.copyOf(orderBy), limit, offset, offsetPosition);
    }

    private FieldPath fieldPath() {
        Token first = expect(Kind.WORD);
        List<String> names = new ArrayList<>(List.of(first.text()));
        while (peek().isSymbol(".")) {
            next();
            names.add(expect(Kind.WORD).text());
        }
        return new FieldPath(List.copyOf(names), first.position());
    }

    /** A chain of terms joined by only AND or only OR; mixing them needs parentheses, as in Salesforce. */
    private Condition condition() {
        Condition first = notTerm();
        Token joiner = peek();
        if (!joiner.isWord("AND") && !joiner.isWord("OR")) {
            return first;
        }
        String word = joiner.text().toUpperCase(Locale.ROOT);
        List<Condition> terms = new ArrayList<>(List.of(first));
        while (peek().isWord(word)) {
            next();
            terms.add(notTerm());
        }
        if (peek().isWord("AND") || peek().isWord("OR")) {
            throw unexpected(peek());
        }
        return word.equals("AND") ? new And(List.copyOf(terms)) : new Or(List.copyOf(terms));
    }

    private Condition notTerm() {
        if (peek().isWord("NOT") || peek().isSymbol("(")) {
            if (++nesting > MAX_NESTING) {
                throw new SoqlException(SoqlException.MALFORMED_QUERY, "expression nested too deeply", text,
                        peek().position());
            }
            Token token = next();
            Condition inner = token.isSymbol("(") ? condition() : new Not(notTerm());
            if (token.isSymbol("(")) {
                expectSymbol(")");
            }
            nesting--;
            return inner;
        }
        FieldPath field = fieldPath();
        Token operator = next();
        if (operator.isWord("IN")) {
            return new InList(field, false, valueList());
        }
        if (operator.isWord("NOT") && peek().isWord("IN")) {
            next();
            return new InList(field, true, valueList());
        }
        if (operator.isWord("LIKE")) {
            return new Like(field, literal());
        }
        if (operator.kind() == Kind.SYMBOL) {
            Operator op = switch (operator.text()) {
                case "=" -> Operator.EQ;
                case "!=", "<>" -> Operator.NE;
                case "<" -> Operator.LT;
                case "<=" -> Operator.LE;
                case ">" -> Operator.GT;
                case ">=" -> Operator.GE;
                default -> throw unexpected(operator);
            };
            return new Comparison(field, op, literal(), operator.position());
        }
        throw unexpected(operator);
    }

    private List<Literal> valueList() {
        expectSymbol("(");
        List<Literal> values = new ArrayList<>(List.of(literal()));
        while (peek().isSymbol(",")) {
            next();
            values.add(literal());
        }
        expectSymbol(")");
        return List.copyOf(values);
    }

    private Literal literal() {
        Token token = next();
        return switch (token.kind()) {
            case STRING -> new Literal(LiteralKind.STRING, token.value(), token.text(), token.position());
            case NUMBER -> new Literal(LiteralKind.NUMBER, token.value(), token.text(), token.position());
            case DATETIME -> new Literal(LiteralKind.DATETIME, token.value(), token.text(), token.position());
            case DATE -> new Literal(LiteralKind.DATE, token.value(), token.text(), token.position());
            case WORD -> wordLiteral(token);
            default -> throw unexpected(token);
        };
    }

    private Literal wordLiteral(Token token) {
        String word = token.text().toUpperCase(Locale.ROOT);
        switch (word) {
            case "TRUE", "FALSE":
                return new Literal(LiteralKind.BOOLEAN, Boolean.valueOf(word.equals("TRUE")), token.text(),
                        token.position());
            case "NULL":
                return new Literal(LiteralKind.NULL, null, token.text(), token.position());
            case "TODAY", "YESTERDAY", "TOMORROW":
                return new Literal(LiteralKind.DATE_RANGE, new DateRange(word, 1), token.text(), token.position());
            case "LAST_N_DAYS", "NEXT_N_DAYS":
                expectSymbol(":");
                int days = nonNegativeInteger();
                return new Literal(LiteralKind.DATE_RANGE, new DateRange(word, days), word + ":" + days,
                        token.position());
            default:
                throw unexpected(token);
        }
    }

    private Ordering ordering() {
        FieldPath field = fieldPath();
        boolean descending = false;
        if (peek().isWord("ASC")) {
            next();
        } else if (peek().isWord("DESC")) {
            next();
            descending = true;
        }
        boolean nullsLast = false;
        if (peek().isWord("NULLS")) {
            next();
            Token which = next();
            if (which.isWord("LAST")) {
                nullsLast = true;
            } else if (!which.isWord("FIRST")) {
                throw unexpected(which);
            }
        }
        return new Ordering(field, descending, nullsLast);
    }

    private int nonNegativeInteger() {
        Token token = next();
        if (token.kind() != Kind.NUMBER || token.text().contains(".") || token.text().startsWith("-")
                || token.text().startsWith("+")) {
            throw unexpected(token);
        }
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw new SoqlException(SoqlException.NUMBER_OUTSIDE_VALID_RANGE,
                    "number outside valid range: " + token.text(), text, token.position());
        }
    }

    // ---------------------------------------------------------------- token helpers

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.EOF) {
            index++;
        }
        return token;
    }

    private Token expect(Kind kind) {
        Token token = next();
        if (token.kind() != kind) {
            throw unexpected(token);
        }
        return token;
    }

    private void expectWord(String word) {
        Token token = next();
        if (!token.isWord(word)) {
            throw unexpected(token);
        }
    }

    private void expectSymbol(String symbol) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw unexpected(token);
        }
    }

    private SoqlException unexpected(Token token) {
        String shown = token.kind() == Kind.EOF ? "<EOF>" : token.text();
        return new SoqlException(SoqlException.MALFORMED_QUERY, "unexpected token: " + shown, text, token.position());
    }

    // ---------------------------------------------------------------- lexer

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, end), null, i));
                i = end;
            } else if (c == '\'') {
                i = string(text, i, tokens);
            } else if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)))) {
                i = numberOrDate(text, i, tokens);
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                String symbol = switch (two) {
                    case "!=", "<=", ">=", "<>" -> two;
                    default -> String.valueOf(c);
                };
                tokens.add(new Token(Kind.SYMBOL, symbol, null, i));
                i += symbol.length();
            }
        }
        tokens.add(new Token(Kind.EOF, "", null, text.length()));
        return tokens;
    }

    private static int string(String text, int start, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                tokens.add(new Token(Kind.STRING, text.substring(start, i + 1), value.toString(), start));
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    break;
                }
                char escaped = text.charAt(i + 1);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case '\'', '"', '\\' -> value.append(escaped);
                    case '%', '_' -> value.append('\\').append(escaped);
                    case 'u' -> {
                        if (i + 6 > text.length() || !text.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                            throw new SoqlException(SoqlException.MALFORMED_QUERY,
                                    "Invalid string literal: bad unicode escape", text, i);
                        }
                        value.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                        i += 4;
                    }
                    default -> throw new SoqlException(SoqlException.MALFORMED_QUERY,
                            "Invalid string literal: invalid escape sequence \\" + escaped, text, i);
                }
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new SoqlException(SoqlException.MALFORMED_QUERY, 
                "mismatched character '<EOF>' expecting '''", text, start);
    }

    private static int numberOrDate(String text, int start, List<Token> tokens) {
        Matcher datetime = DATETIME.matcher(text).region(start, text.length());
        if (datetime.lookingAt()) {
            String literal = datetime.group();
            tokens.add(new Token(Kind.DATETIME, literal, parseDatetime(text, literal, start), start));
            return datetime.end();
        }
        Matcher date = DATE.matcher(text).region(start, text.length());
        if (date.lookingAt()) {
            String literal = date.group();
            try {
                tokens.add(new Token(Kind.DATE, literal, LocalDate.parse(literal), start));
            } catch (DateTimeException e) {
                throw new SoqlException(SoqlException.MALFORMED_QUERY, "invalid date: " + literal, text, start);
            }
            return date.end();
        }
        Matcher number = NUMBER.matcher(text).region(start, text.length());
        number.lookingAt();
        String literal = number.group();
        tokens.add(new Token(Kind.NUMBER, literal, new BigDecimal(literal), start));
        return number.end();
    }

    private static Instant parseDatetime(String text, String literal, int position) {
        try {
            if (literal.endsWith("Z") || literal.charAt(literal.length() - 3) == ':') {
                return OffsetDateTime.parse(literal).toInstant();
            }
            return OffsetDateTime.parse(literal, OFFSET_WITHOUT_COLON).toInstant();
        } catch (DateTimeException e) {
            throw new SoqlException(SoqlException.MALFORMED_QUERY, "invalid dateTime: " + literal, text, position);
        }
    }
}
