package dev.wfmconnector.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The configuration problems found so far, one line each in the form of SPEC §8:
 * {@code historical "emea" connector.historical[0].service-level-threshold [Service level and abandonment threshold]:
 * "abc" is not accepted; expected whole seconds from 0 to 86400}.
 * A value is echoed on one line, escaped and shortened; it is shown as {@value #HIDDEN} when it is a secret or
 * contains one, and the user info of a URL is shown as {@code ***}.
 */
final class Problems {

    static final String HIDDEN = "(hidden)";
    private static final int LONGEST_VALUE_SHOWN = 120;
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/?#@]*@");

    private final List<String> lines = new ArrayList<>();
    private final List<String> secrets;

    /** @param secrets every secret of the configuration, so that no echoed value reveals one */
    Problems(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
    }

    /** The place of an integration, e.g. {@code historical "emea"} at {@code connector.historical[0]}. */
    Scope integration(IntegrationType type, String group, String path) {
        return new Scope(type.wireName() + " " + show(group) + " ", path);
    }

    /** A place outside any integration, e.g. {@code connector.defaults}. */
    Scope tree(String path) {
        return new Scope("", path);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The value as a message shows it: quoted and escaped, or {@value #HIDDEN}. */
    String show(String value) {
        String shown = USER_INFO.matcher(value).replaceAll("$1***@");
        if (secrets.stream().anyMatch(shown::contains)) {
            return HIDDEN;
        }
        if (shown.length() > LONGEST_VALUE_SHOWN) {
            shown = shown.substring(0, LONGEST_VALUE_SHOWN - 3) + "...";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }

    /** Where problems are reported: the message prefix and the property path of a part of the tree. */
    final class Scope {
        private final String prefix;
        private final String path;

        private Scope(String prefix, String path) {
            this.prefix = prefix;
            this.path = path;
        }

        /** The property path of a setting here, e.g. {@code connector.historical[0].group}. */
        String pathOf(Setting setting) {
            return path + "." + setting.property();
        }

        /** A value given but refused: {@code "<value>" is not accepted; expected <expected>}. */
        void reject(Setting setting, String value, String expected) {
            String shown = setting.secret() ? HIDDEN : show(value);
            add(setting, shown + " is not accepted; expected " + expected);
        }

        /** A value left out where it is needed: {@code is required <when>; expected <expected>}. */
        void require(Setting setting, String when, String expected) {
            add(setting, "is required " + when + "; expected " + expected);
        }

        /** A property given here that names no setting: {@code is not a known setting; expected <expected>}. */
        void unknown(String property, String expected) {
            lines.add(prefix + path + "." + property + ": is not a known setting; expected " + expected);
        }

        private void add(Setting setting, String text) {
            lines.add(prefix + pathOf(setting) + " [" + setting.displayName() + "]: " + text);
        }
    }
}
