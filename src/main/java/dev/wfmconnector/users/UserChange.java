package dev.wfmconnector.users;

import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.output.RecordKeys;
import dev.wfmconnector.output.RecordType;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A user to publish as a {@code user} record (SPEC §5, §6).
 *
 * @param user     the fields to publish (a deactivated user's last known fields, with {@code active = false})
 * @param change   created, updated or deactivated
 * @param revision 1 for a user's first record, then one more per record
 */
public record UserChange(SalesforceUser user, Kind change, long revision) {

    /** The {@code change} of a user record. */
    public enum Kind {
        /** First published. */
        CREATED,
        /** A published field changed (or a deactivated user is active again). */
        UPDATED,
        /** Deactivated in Salesforce, or no longer selected by the import's query. */
        DEACTIVATED;

        /** As written in records and metrics: {@code created}, {@code updated}, {@code deactivated}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The {@code user} record, keyed {@code group|user|userId}. */
    public Envelope envelope(String group, Instant producedAt) {
        Map<String, Object> data = user.publishedFields("userId");
        data.put("change", change.wireName());
        return Envelope.of(RecordType.USER, group, RecordKeys.user(group, user.id()), revision, producedAt, data);
    }

    /** What the store keeps once this record is published. */
    public StoredUser stored() {
        return StoredUser.published(user, revision);
    }
}
