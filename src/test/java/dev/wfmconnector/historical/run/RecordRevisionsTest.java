package dev.wfmconnector.historical.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.historical.AgentIntervalRecord;
import dev.wfmconnector.historical.AgentQueueIntervalRecord;
import dev.wfmconnector.historical.IntervalRecord;
import dev.wfmconnector.historical.QueueIntervalRecord;
import dev.wfmconnector.store.EmittedRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecordRevisionsTest {

    private static final String GROUP = "EMEA Sales";
    private static final Instant T10 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T1015 = Instant.parse("2026-11-24T10:15:00Z");
    private static final String Q = "00G000000000001AAA";
    private static final String A = "005000000000001AAA";
    private static final Map<String, String> QUEUES = Map.of(Q, "Chat Sales");
    private static final Function<String, String> AGENTS = id -> id.equals(A) ? "Alice Ng" : null;

    private static QueueIntervalRecord queue(Instant start, long offered) {
        return new QueueIntervalRecord(Q, "Chat Sales", start, 15, offered, offered, 0, 0, offered, 0, 10, 0, 10, 0,
                100, 0);
    }

    private static AgentIntervalRecord agent(Instant start, long ready) {
        return new AgentIntervalRecord(A, "Alice Ng", start, 15, ready, 0, 0, 0, 0);
    }

    private static EmittedRecord published(IntervalRecord record, long revision) {
        return new EmittedRecord(record.key(GROUP), revision, record.digest(), record.intervalStart(), T1015);
    }

    private static Map<String, EmittedRecord> before(EmittedRecord... records) {
        return List.of(records).stream().collect(Collectors.toMap(EmittedRecord::key, Function.identity()));
    }

    @Test
    void newRecordsAreRevisionOneChangedOnesTheNextRevisionUnchangedOnesAreNotSent() {
        QueueIntervalRecord unchanged = queue(T10, 3);
        AgentIntervalRecord changed = agent(T10, 600);
        AgentIntervalRecord fresh = agent(T1015, 900);
        var publications = RecordRevisions.toPublish(GROUP, List.of(unchanged, changed, fresh),
                before(published(unchanged, 1), published(agent(T10, 300), 4)), QUEUES, AGENTS, 15);

        assertThat(publications).extracting(RecordRevisions.Publication::record).containsExactly(changed, fresh);
        assertThat(publications).extracting(RecordRevisions.Publication::revision).containsExactly(5L, 1L);
        assertThat(publications.get(0).key()).isEqualTo("EMEA Sales|agent-interval|" + A + "|2026-11-24T10:00:00Z");
        assertThat(publications.get(0).digest()).isEqualTo(changed.digest());
    }

    @Test
    void aRecordPublishedBeforeThatHasNothingAnyMoreIsPublishedAgainWithZerosOnce() {
        QueueIntervalRecord gone = queue(T10, 2);
        AgentIntervalRecord agentGone = agent(T10, 300);
        AgentQueueIntervalRecord handledGone = new AgentQueueIntervalRecord(A, Q, T10, 15, 1, 60, 0, 0);
        var publications = RecordRevisions.toPublish(GROUP, List.of(),
                before(published(gone, 1), published(agentGone, 2), published(handledGone, 1)), QUEUES, AGENTS, 15);

        assertThat(publications).extracting(RecordRevisions.Publication::record).containsExactly(
                QueueIntervalRecord.zero(Q, "Chat Sales", T10, 15),
                AgentIntervalRecord.zero(A, "Alice Ng", T10, 15),
                AgentQueueIntervalRecord.zero(A, Q, T10, 15));
        assertThat(publications).extracting(RecordRevisions.Publication::revision).containsExactly(2L, 3L, 2L);

        // once published as zeros, they are unchanged
        var again = RecordRevisions.toPublish(GROUP, List.of(), before(
                published(QueueIntervalRecord.zero(Q, "Chat Sales", T10, 15), 2),
                published(AgentIntervalRecord.zero(A, "Alice Ng", T10, 15), 3),
                published(AgentQueueIntervalRecord.zero(A, Q, T10, 15), 2)), QUEUES, AGENTS, 15);
        assertThat(again).isEmpty();
    }

    @Test
    void publicationsComeInIntervalOrderQueueThenAgentThenAgentQueue() {
        AgentQueueIntervalRecord handled = new AgentQueueIntervalRecord(A, Q, T10, 15, 1, 60, 0, 0);
        var publications = RecordRevisions.toPublish(GROUP,
                List.of(agent(T1015, 60), handled, agent(T10, 60), queue(T1015, 1), queue(T10, 1)),
                Map.of(), QUEUES, AGENTS, 15);

        assertThat(publications).extracting(p -> p.record().intervalStart() + " " + p.record().type().wireName())
                .containsExactly("2026-11-24T10:00:00Z queue-interval", "2026-11-24T10:00:00Z agent-interval",
                        "2026-11-24T10:00:00Z agent-queue-interval", "2026-11-24T10:15:00Z queue-interval",
                        "2026-11-24T10:15:00Z agent-interval");
    }

    @Test
    void zeroRecordsAreMadeFromKeysOfTheGroupOnly() {
        assertThat(RecordRevisions.zeroRecord(GROUP, "EMEA Sales|agent-queue-interval|" + A + "|" + Q
                + "|2026-11-24T10:00:00Z", QUEUES, AGENTS, 30)).isEqualTo(AgentQueueIntervalRecord.zero(A, Q, T10, 30));
        assertThat(RecordRevisions.zeroRecord(GROUP, "EMEA|queue-interval|" + Q + "|2026-11-24T10:00:00Z", QUEUES,
                AGENTS, 15)).isNull();
        assertThat(RecordRevisions.zeroRecord(GROUP, "EMEA Sales|agent|" + A, QUEUES, AGENTS, 15)).isNull();
        assertThat(RecordRevisions.zeroRecord(GROUP, "EMEA Sales|queue-interval|" + Q + "|yesterday", QUEUES, AGENTS,
                15)).isNull();
        assertThat(RecordRevisions.zeroRecord(GROUP, "EMEA Sales|queue-interval|00G9|2026-11-24T10:00:00Z", QUEUES,
                AGENTS, 15)).isEqualTo(QueueIntervalRecord.zero("00G9", null, T10, 15));
    }
}
