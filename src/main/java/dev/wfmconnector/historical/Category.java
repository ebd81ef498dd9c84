package dev.wfmconnector.historical;

/** The activity category an agent's presence status falls in. */
public enum Category {
    READY, NOT_READY, IDLE, ADMIN, UNMAPPED, OFFLINE
}
