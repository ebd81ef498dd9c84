package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.output.RecordType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalRecordsTest {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private static QueueIntervalRecord queue(long offered, long shortAbandoned, long answeredWithin) {
        return new QueueIntervalRecord("00G000000000001AAA", "Chat EN", START, 15,
                offered, 6, 3, shortAbandoned, answeredWithin, 1, 90, 40, 30, 20, 600, 120);
    }

    @Test
    void queueIntervalDataHasThePublishedFieldsInOrder() {
        QueueIntervalRecord r = queue(10, 2, 6);
        assertThat(r.data().keySet()).containsExactly("queueId", "queueName", "intervalStart", "intervalMinutes",
                "offered", "answered", "abandoned", "shortAbandoned", "answeredWithinThreshold",
                "abandonedWithinThreshold", "queuedAnsweredSeconds", "queuedAbandonedSeconds",
                "longestQueuedAnsweredSeconds", "longestQueuedAbandonedSeconds", "talkSeconds", "wrapUpSeconds",
                "serviceLevelPercent", "abandonRatePercent", "averageSpeedOfAnswerSeconds", "averageHandleSeconds");
        assertThat(r.data()).containsEntry("intervalStart", "2026-11-24T10:00:00Z")
                .containsEntry("serviceLevelPercent", 75.0)
                .containsEntry("abandonRatePercent", 12.5)
                .containsEntry("averageSpeedOfAnswerSeconds", 15.0)
                .containsEntry("averageHandleSeconds", 120.0);
        assertThat(r.type()).isEqualTo(RecordType.QUEUE_INTERVAL);
        assertThat(r.key("emea")).isEqualTo("emea|queue-interval|00G000000000001AAA|2026-11-24T10:00:00Z");
    }

    @Test
    void agentRecordsHaveThePublishedFieldsInOrder() {
        AgentIntervalRecord agent = new AgentIntervalRecord("005000000000001AAA", null, START, 15, 300, 200, 100, 50, 10)
                .withAgentName("Ada Lovelace");
        assertThat(agent.data().keySet()).containsExactly("agentId", "agentName", "intervalStart", "intervalMinutes",
                "readySeconds", "notReadySeconds", "idleSeconds", "adminSeconds", "unmappedSeconds", "loggedInSeconds");
        assertThat(agent.data()).containsEntry("agentName", "Ada Lovelace").containsEntry("loggedInSeconds", 660L);
        assertThat(agent.key("emea")).isEqualTo("emea|agent-interval|005000000000001AAA|2026-11-24T10:00:00Z");
        AgentQueueIntervalRecord agentQueue = new AgentQueueIntervalRecord("005000000000001AAA", "00G000000000001AAA",
                START, 15, 3, 400, 60, 1);
        assertThat(agentQueue.data().keySet()).containsExactly("agentId", "queueId", "intervalStart", "intervalMinutes",
                "answered", "talkSeconds", "wrapUpSeconds", "transferredOut");
        assertThat(agentQueue.key("emea"))
                .isEqualTo("emea|agent-queue-interval|005000000000001AAA|00G000000000001AAA|2026-11-24T10:00:00Z");
    }

    @Test
    void theDigestChangesExactlyWhenThePublishedContentChanges() {
        String digest = queue(10, 2, 6).digest();
        assertThat(digest).matches("[0-9a-f]{64}");
        assertThat(queue(10, 2, 6).digest()).isEqualTo(digest);
        assertThat(queue(10, 2, 7).digest()).isNotEqualTo(digest);
        assertThat(queue(10, 2, 6).withQueueName("Chat DE").digest()).isNotEqualTo(digest);
        assertThat(AgentIntervalRecord.zero("005A", "Ada", START, 15).digest())
                .isNotEqualTo(AgentIntervalRecord.zero("005A", "Ada", START, 30).digest());
    }

    @Test
    void zeroRecordsKeepTheirIdentityAndWriteNullFigures() throws Exception {
        QueueIntervalRecord zero = QueueIntervalRecord.zero("00GQ", "Chat EN", START, 15);
        assertThat(zero.offered()).isZero();
        assertThat(zero.serviceLevelPercent()).isNull();
        String json = new ObjectMapper().writeValueAsString(zero.data());
        assertThat(json).startsWith("{\"queueId\":\"00GQ\",\"queueName\":\"Chat EN\",\"intervalStart\":\"2026-11-24T10:00:00Z\","
                + "\"intervalMinutes\":15,\"offered\":0,")
                .endsWith("\"serviceLevelPercent\":null,\"abandonRatePercent\":null,"
                        + "\"averageSpeedOfAnswerSeconds\":null,\"averageHandleSeconds\":null}");
        assertThat(AgentIntervalRecord.zero("005A", "Ada", START, 15).loggedInSeconds()).isZero();
        assertThat(AgentQueueIntervalRecord.zero("005A", "00GQ", START, 15).data())
                .containsEntry("answered", 0L).containsEntry("transferredOut", 0L);
    }
}
