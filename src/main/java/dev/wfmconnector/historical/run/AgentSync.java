package dev.wfmconnector.historical.run;

import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.output.RecordKeys;
import dev.wfmconnector.output.RecordType;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Agent sync (SPEC §3): the users a run saw, as just read from {@code User}, against the agent registry. A user not
 * in the registry is published as an {@code agent} record with revision 1, a user whose fields changed with the next
 * revision, an unchanged one not at all.
 */
public final class AgentSync {

    private AgentSync() {
    }

    /** The agents to publish (and then save in the registry), by agent id. */
    public static List<StoredUser> toPublish(Collection<SalesforceUser> read, Map<String, StoredUser> registry) {
        List<StoredUser> publish = new ArrayList<>();
        for (SalesforceUser user : read) {
            StoredUser known = registry.get(user.id());
            if (known == null) {
                publish.add(StoredUser.published(user, 1));
            } else if (known.changedBy(user)) {
                publish.add(StoredUser.published(user, known.revision() + 1));
            }
        }
        publish.sort(Comparator.comparing(StoredUser::id));
        return publish;
    }

    /** The {@code agent} envelope of a published agent (SPEC §6). */
    public static Envelope envelope(String group, StoredUser agent, Instant producedAt) {
        SalesforceUser user = agent.user();
        Map<String, Object> data = user.publishedFields("agentId");
        return Envelope.of(RecordType.AGENT, group, RecordKeys.agent(group, user.id()), agent.revision(), producedAt,
                data);
    }
}
