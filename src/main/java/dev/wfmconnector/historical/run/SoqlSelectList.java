package dev.wfmconnector.historical.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fits a SOQL query from the route file to the org: fields of the select list that the org's describe of the queried
 * object lacks (e.g. {@code AfterConversationActualTime} before API 52.0, or a field of another edition) are left
 * out, so their measures count as 0 instead of the query failing. Relationship paths ({@code ServicePresenceStatus.MasterLabel})
 * and functions are kept as written; the rest of the query is untouched.
 */
public final class SoqlSelectList {

    private static final Pattern SELECT_FROM = Pattern.compile(
            "^(\\s*SELECT\\s+)(.+?)(\\s+FROM\\s+)([A-Za-z0-9_]+)(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private SoqlSelectList() {
    }

    /**
     * The query with only the selectable fields.
     *
     * @param soql        the query as the route file has it
     * @param fieldsOfObject the field names the org's describe gives for an object, in lower case
     * @return the query; unchanged when it is not a plain SELECT ... FROM or nothing is missing
     * @throws IllegalArgumentException when no field of the select list is left
     */
    public static String keepSelectable(String soql, Function<String, Set<String>> fieldsOfObject) {
        Matcher m = SELECT_FROM.matcher(soql);
        if (!m.matches()) {
            return soql;
        }
        Set<String> present = fieldsOfObject.apply(m.group(4));
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        for (String field : m.group(2).split(",")) {
            String name = field.trim();
            if (name.contains(".") || name.contains("(") || present.contains(name.toLowerCase(Locale.ROOT))) {
                kept.add(name);
            } else {
                dropped = true;
            }
        }
        if (!dropped) {
            return soql;
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("the org has none of the fields of: " + soql);
        }
        return m.group(1) + String.join(", ", kept) + m.group(3) + m.group(4) + m.group(5);
    }
}
