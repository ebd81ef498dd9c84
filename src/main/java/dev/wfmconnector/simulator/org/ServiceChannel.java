package dev.wfmconnector.simulator.org;

/** An Omni-Channel {@code ServiceChannel}; {@code relatedEntity} is the object its work items are (Case, LiveChatTranscript, VoiceCall). */
public record ServiceChannel(String id, String developerName, String masterLabel, String relatedEntity, Audit audit)
        implements SObjectRecord {
}
