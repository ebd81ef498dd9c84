package dev.wfmconnector.store;

/**
 * A Salesforce {@code ServicePresenceStatus}: an activity an agent can be in.
 *
 * @param id      18-character id
 * @param label   {@code MasterLabel}, the name platform events carry
 * @param apiName {@code DeveloperName}
 */
public record PresenceStatus(String id, String label, String apiName) {
}
