-- What each integration was last reported doing by the pod that runs it (several replicas share the store, and the
-- management API of a pod that does not lead the group shows this). Same conventions as V1.
CREATE TABLE reported_states (
    integration_type  VARCHAR(16)              NOT NULL,
    group_name        VARCHAR(64)              NOT NULL,
    state             VARCHAR(32)              NOT NULL,
    reason            VARCHAR(2000),
    since             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (integration_type, group_name)
);
