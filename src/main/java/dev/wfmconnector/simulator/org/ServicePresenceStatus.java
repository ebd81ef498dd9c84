package dev.wfmconnector.simulator.org;

import java.util.List;

/**
 * An Omni-Channel presence status. {@code channelIds} (Salesforce's ServiceChannelStatus setup, not an API field)
 * are the channels an agent in this status can receive work from; a status with none is "away".
 */
public record ServicePresenceStatus(String id, String developerName, String masterLabel, String language,
                                    List<String> channelIds, Audit audit) implements SObjectRecord {

    public ServicePresenceStatus {
        channelIds = List.copyOf(channelIds);
    }

    public boolean isAway() {
        return channelIds.isEmpty();
    }

    /** True when {@code name} is this status's label or API name, ignoring case. */
    public boolean isNamed(String name) {
        return masterLabel.equalsIgnoreCase(name) || developerName.equalsIgnoreCase(name);
    }
}
