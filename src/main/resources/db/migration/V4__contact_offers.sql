-- First offers of contacts (work item in a queue) that a historical run saw unresolved, kept for the lookback plus
-- seven days: a later run that reads only a re-offer of one counts it where it was first offered (SPEC §3: a contact
-- belongs to the interval of its earliest RequestDateTime). Same conventions as V1.
CREATE TABLE contact_offers (
    group_name    VARCHAR(64)              NOT NULL,
    work_item_id  VARCHAR(64)              NOT NULL,
    queue_id      VARCHAR(64)              NOT NULL,
    offered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_name, work_item_id, queue_id)
);
CREATE INDEX contact_offers_by_time ON contact_offers (group_name, offered_at);
