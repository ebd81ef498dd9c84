package dev.wfmconnector.config;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.wfmconnector.config.Setting.Part;

/**
 * Finds misspelt property names, which the binding would otherwise ignore silently. It checks only the names inside
 * an integration ({@code connector.historical[0].*}) and inside {@code connector.defaults.*}. Names are compared the
 * way Spring's relaxed binding compares them: case-insensitively and without dashes, so that environment variables
 * ({@code CONNECTOR_HISTORICAL_0_APIVERSION}) match too.
 */
final class SettingNames {

    static final String DEFAULTS = "connector.defaults";
    private static final Pattern INTEGRATION_PROPERTY =
            Pattern.compile("connector\\.(historical|realtime|user-?import)\\[([0-9]+)]\\.(.+)");
    private static final Pattern DEFAULTS_PROPERTY = Pattern.compile("connector\\.defaults\\.(.+)");
    private static final int LIKELY_EDITS = 3;

    private SettingNames() {
    }

    /**
     * The given names that name no setting of their place, grouped by place ({@code connector.historical[0]},
     * {@code connector.defaults}). Each name appears once, however many sources give it.
     */
    static Map<String, Collection<String>> unknownByPlace(Collection<String> givenNames) {
        Map<String, Map<String, String>> byPlace = new HashMap<>();
        for (String name : givenNames) {
            String lower = name.toLowerCase(Locale.ROOT);
            Matcher integration = INTEGRATION_PROPERTY.matcher(lower);
            Matcher defaults = DEFAULTS_PROPERTY.matcher(lower);
            String place;
            String property;
            Set<Part> parts;
            if (integration.matches()) {
                IntegrationType type = Arrays.stream(IntegrationType.values())
                        .filter(t -> key(t.wireName()).equals(key(integration.group(1))))
                        .findFirst().orElseThrow();
                place = "connector." + type.wireName() + "[" + integration.group(2) + "]";
                property = integration.group(3);
                parts = Part.of(type);
            } else if (defaults.matches()) {
                place = DEFAULTS;
                property = defaults.group(1);
                parts = Part.DEFAULTS;
            } else {
                continue;
            }
            if (!isKnown(property, parts)) {
                byPlace.computeIfAbsent(place, p -> new LinkedHashMap<>()).putIfAbsent(key(property), property);
            }
        }
        Map<String, Collection<String>> unknown = new HashMap<>();
        byPlace.forEach((place, names) -> unknown.put(place, names.values()));
        return unknown;
    }

    /** The setting an unknown name most likely misspells: the closest one, within a few edits. */
    static Optional<Setting> likelyMeant(String name, Set<Part> parts) {
        String key = key(name);
        return settingsOf(parts)
                .min(Comparator.comparingInt(s -> editDistance(key(s.property()), key)))
                .filter(s -> editDistance(key(s.property()), key) <= LIKELY_EDITS);
    }

    /** A setting's name, or the name of a parent of settings (such as {@code event-fields}). */
    private static boolean isKnown(String property, Set<Part> parts) {
        String key = key(property);
        return settingsOf(parts).map(s -> key(s.property())).anyMatch(k -> k.equals(key) || k.startsWith(key + "."));
    }

    private static Stream<Setting> settingsOf(Set<Part> parts) {
        return Arrays.stream(Setting.values()).filter(s -> parts.contains(s.part()));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "");
    }

    /** Levenshtein distance: the fewest single-character edits turning one name into the other. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
