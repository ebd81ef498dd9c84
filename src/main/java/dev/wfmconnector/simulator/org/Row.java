package dev.wfmconnector.simulator.org;

/** A stored record of the simulated org with its deletion flag ({@code IsDeleted}; deleted rows show only in queryAll). */
public record Row<R extends SObjectRecord>(R record, boolean deleted) {

    public String id() {
        return record.id();
    }
}
