package dev.wfmconnector.simulator.org;

/** A Salesforce {@code Group}; Omni-Channel queues are groups with {@code Type = 'Queue'}. */
public record Group(String id, String name, String developerName, String type, String email, Audit audit)
        implements SObjectRecord {

    public static final String QUEUE = "Queue";
    public static final String REGULAR = "Regular";

    public boolean isQueue() {
        return QUEUE.equals(type);
    }
}
