package dev.wfmconnector.config;

/** The three integration types of a group, with the names used in settings, API paths and records. */
public enum IntegrationType {
    HISTORICAL("historical"),
    REALTIME("realtime"),
    USER_IMPORT("user-import");

    private final String wireName;

    IntegrationType(String wireName) {
        this.wireName = wireName;
    }

    /** The name as written in {@code connector.*}, API paths and logs, e.g. {@code user-import}. */
    public String wireName() {
        return wireName;
    }

    public static IntegrationType fromWireName(String name) {
        for (IntegrationType t : values()) {
            if (t.wireName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown integration type: " + name);
    }
}
