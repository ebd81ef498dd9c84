package dev.wfmconnector.simulator.org;

/** A record of a simulated Salesforce object: its 18-character id and audit fields. */
public interface SObjectRecord {

    String id();

    Audit audit();
}
