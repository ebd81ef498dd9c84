package dev.wfmconnector.output;

/** The record types the connector publishes; the wire name is the envelope's {@code type} and the JMS queue suffix. */
public enum RecordType {
    QUEUE_INTERVAL("queue-interval"),
    AGENT_INTERVAL("agent-interval"),
    AGENT_QUEUE_INTERVAL("agent-queue-interval"),
    AGENT("agent"),
    AGENT_STATE("agent-state"),
    USER("user");

    private final String wireName;

    RecordType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RecordType fromWireName(String name) {
        for (RecordType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown record type: " + name);
    }
}
