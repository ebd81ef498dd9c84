package dev.wfmconnector.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The whole validated {@code connector.*} tree; built once at start-up by the settings validator. */
public record ConnectorSettings(
        List<HistoricalSettings> historical,
        List<RealtimeSettings> realtime,
        List<UserImportSettings> userImport,
        OutputSettings outputs) {

    public ConnectorSettings {
        historical = List.copyOf(historical);
        realtime = List.copyOf(realtime);
        userImport = List.copyOf(userImport);
    }

    /** Every integration, historical first (so a group's historical exists before its realtime). */
    public List<IntegrationSettings> all() {
        return Stream.of(historical, realtime, userImport).<IntegrationSettings>flatMap(List::stream).toList();
    }

    public Optional<IntegrationSettings> find(IntegrationType type, String group) {
        return all().stream().filter(i -> i.type() == type && sameGroup(i.group(), group)).findFirst();
    }

    public Optional<HistoricalSettings> historical(String group) {
        return historical.stream().filter(h -> sameGroup(h.group(), group)).findFirst();
    }

    /** Group names are trimmed and compared case-insensitively everywhere. */
    public static boolean sameGroup(String a, String b) {
        return normaliseGroup(a).equals(normaliseGroup(b));
    }

    public static String normaliseGroup(String group) {
        return group == null ? "" : group.trim().toLowerCase(Locale.ROOT);
    }
}
