package dev.wfmconnector.integration;

/** Published once a group's historical integration finished its first successful run (the gate fact is persisted). */
public record RealtimeGateOpened(String group) {
}
