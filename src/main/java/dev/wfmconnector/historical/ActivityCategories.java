package dev.wfmconnector.historical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The four activity lists of a historical integration ([Admin/Idle/Not-ready/Ready time activities]).
 * An activity (a presence status) is matched case-insensitively by its label ({@code MasterLabel}) or API name
 * ({@code DeveloperName}); when the two fall in different lists, the label decides. {@code Offline} is always OFFLINE.
 */
public final class ActivityCategories {

    public static final String OFFLINE = "Offline";

    private final List<String> admin;
    private final List<String> idle;
    private final List<String> notReady;
    private final List<String> ready;
    private final Map<String, Category> byName = new LinkedHashMap<>();

    public ActivityCategories(List<String> admin, List<String> idle, List<String> notReady, List<String> ready) {
        this.admin = List.copyOf(admin);
        this.idle = List.copyOf(idle);
        this.notReady = List.copyOf(notReady);
        this.ready = List.copyOf(ready);
        put(this.admin, Category.ADMIN);
        put(this.idle, Category.IDLE);
        put(this.notReady, Category.NOT_READY);
        put(this.ready, Category.READY);
    }

    /** Splits a settings-screen list such as {@code "Admin; Email;"} on {@code ;}, trimming and dropping empty entries. */
    public static List<String> parseList(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private void put(List<String> names, Category category) {
        names.forEach(n -> byName.putIfAbsent(key(n), category));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** The category of a presence status given its label and API name (either may be null). */
    public Category categoryOf(String label, String apiName) {
        if ((label != null && OFFLINE.equalsIgnoreCase(label.trim()))
                || (label == null && apiName != null && OFFLINE.equalsIgnoreCase(apiName.trim()))) {
            return Category.OFFLINE;
        }
        Category byLabel = label == null ? null : byName.get(key(label));
        if (byLabel != null) {
            return byLabel;
        }
        Category byApiName = apiName == null ? null : byName.get(key(apiName));
        return byApiName != null ? byApiName : Category.UNMAPPED;
    }

    public List<String> admin() {
        return admin;
    }

    public List<String> idle() {
        return idle;
    }

    public List<String> notReady() {
        return notReady;
    }

    public List<String> ready() {
        return ready;
    }

    @Override
    public String toString() {
        return "ActivityCategories[admin=" + admin + ", idle=" + idle + ", notReady=" + notReady + ", ready=" + ready + "]";
    }
}
