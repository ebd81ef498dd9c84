package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactThresholdEvaluatorTest {

    private static final String DAY = "2026-11-24T";
    /** 10:00 to 11:00 UTC in 15-minute intervals; T = 20 s, S = 5 s. */
    private static final RunWindow WINDOW = new Intervals(15, ZoneId.of("UTC")).window(at("10:00"), at("11:00"));

    private static Instant at(String time) {
        return time == null ? null : Instant.parse(DAY + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    /** An AgentWork row; handle and after-conversation times in whole seconds. */
    private static AgentWorkRow work(String workItem, String user, String queue, String request, String accept,
                                     String cancel, int handle, int afterConversation, String status) {
        return AgentWorkRow.of(workItem, user, queue, at(request), at(accept), at(cancel), handle * 1000L,
                afterConversation * 1000L, status);
    }

    private static AgentWorkRow answered(String workItem, String user, String queue, String request, String accept) {
        return work(workItem, user, queue, request, accept, null, 100, 10, "Closed");
    }

    private static AgentWorkRow canceled(String workItem, String queue, String request, String cancel) {
        return work(workItem, "005A", queue, request, null, cancel, 0, 0, "Canceled");
    }

    private static ContactThresholdEvaluator.Result evaluate(AgentWorkRow... rows) {
        return evaluate(WINDOW, RowOrder.SORTED, List.of(rows));
    }

    private static ContactThresholdEvaluator.Result evaluate(RunWindow window, RowOrder order, List<AgentWorkRow> rows) {
        ContactThresholdEvaluator evaluator = new ContactThresholdEvaluator(window, 20, 5, order);
        rows.forEach(evaluator);
        return evaluator.finish();
    }

    private static QueueIntervalRecord only(ContactThresholdEvaluator.Result result) {
        assertThat(result.queueRecords()).hasSize(1);
        return result.queueRecords().get(0);
    }

    /** Queue record as "queue interval offered/answered/abandoned/short/awt/abwt qa/qab/longA/longAb talk/wrap". */
    private static List<String> queues(ContactThresholdEvaluator.Result result) {
        return result.queueRecords().stream().map(r -> r.queueId() + " " + r.intervalStart().toString().substring(11, 16)
                + " " + r.offered() + "/" + r.answered() + "/" + r.abandoned() + "/" + r.shortAbandoned() + "/"
                + r.answeredWithinThreshold() + "/" + r.abandonedWithinThreshold() + " " + r.queuedAnsweredSeconds()
                + "/" + r.queuedAbandonedSeconds() + "/" + r.longestQueuedAnsweredSeconds() + "/"
                + r.longestQueuedAbandonedSeconds() + " " + r.talkSeconds() + "/" + r.wrapUpSeconds()).toList();
    }

    /** Agent-queue record as "agent queue interval answered talk/wrap transferredOut". */
    private static List<String> agents(ContactThresholdEvaluator.Result result) {
        return result.agentQueueRecords().stream().map(r -> r.agentId() + " " + r.queueId() + " "
                + r.intervalStart().toString().substring(11, 16) + " " + r.answered() + " " + r.talkSeconds() + "/"
                + r.wrapUpSeconds() + " " + r.transferredOut()).toList();
    }

    @ParameterizedTest(name = "accepted {0} after the request: within T = {1}")
    @CsvSource({
        "10:00:00.000, 1",
        "10:00:19.999, 1",
        "10:00:20.000, 1",
        "10:00:20.001, 0",
        "10:00:20.400, 0",
        "10:01:00.000, 0",
    })
    void answeredWithinTheThresholdIsInclusiveToTheMillisecond(String accept, int within) {
        QueueIntervalRecord r = only(evaluate(answered("570A", "005A", "00GQ", "10:00", accept)));
        assertThat(r.offered()).isEqualTo(1);
        assertThat(r.answered()).isEqualTo(1);
        assertThat(r.answeredWithinThreshold()).isEqualTo(within);
        assertThat(r.serviceLevelPercent()).isEqualTo(100.0 * within);
    }

    @ParameterizedTest(name = "canceled {0} after the request: short {1}, within T {2}")
    @CsvSource({
        "10:00:00.000, 1, 0",
        "10:00:05.000, 1, 0",
        "10:00:05.001, 0, 1",
        "10:00:20.000, 0, 1",
        "10:00:20.001, 0, 0",
        "10:00:45.000, 0, 0",
    })
    void shortAbandonsAreNotAbandonedWithinTheThreshold(String cancel, int shortAbandoned, int within) {
        QueueIntervalRecord r = only(evaluate(canceled("570A", "00GQ", "10:00", cancel)));
        assertThat(r.abandoned()).isEqualTo(1);
        assertThat(r.shortAbandoned()).isEqualTo(shortAbandoned);
        assertThat(r.abandonedWithinThreshold()).isEqualTo(within);
        assertThat(r.answered()).isZero();
    }

    @Test
    void percentagesAreNullWhenTheirDenominatorIsZero() {
        QueueIntervalRecord r = only(evaluate(canceled("570A", "00GQ", "10:00", "10:00:02"),
                canceled("570B", "00GQ", "10:01", "10:01:05")));
        assertThat(r.offered()).isEqualTo(2);
        assertThat(r.shortAbandoned()).isEqualTo(2);
        assertThat(r.serviceLevelPercent()).isNull();
        assertThat(r.abandonRatePercent()).isNull();
        assertThat(r.averageSpeedOfAnswerSeconds()).isNull();
        assertThat(r.averageHandleSeconds()).isNull();
        assertThat(r.data()).containsEntry("serviceLevelPercent", null).containsEntry("averageHandleSeconds", null);
        assertThat(r.queuedAbandonedSeconds()).isEqualTo(7);
        assertThat(r.longestQueuedAbandonedSeconds()).isEqualTo(5);
        assertThat(r.longestQueuedAnsweredSeconds()).isZero();
    }

    @Test
    void aContactDeclinedThenAcceptedByAnotherAgentIsOneAnsweredContact() {
        ContactThresholdEvaluator.Result result = evaluate(
                work("570A", "005A", "00GQ", "10:00:00", null, null, 0, 0, "Declined"),
                work("570A", "005B", "00GQ", "10:00:30", "10:00:40", null, 200, 20, "Closed"));
        assertThat(queues(result)).containsExactly("00GQ 10:00 1/1/0/0/0/0 40/0/40/0 180/20");
        assertThat(agents(result)).containsExactly("005B 00GQ 10:00 1 180/20 0");
    }

    @Test
    void aTransferToAnotherQueueIsANewContactThereAndATransferOutOfTheFirst() {
        ContactThresholdEvaluator.Result result = evaluate(
                work("570A", "005A", "00GQ1", "10:00:00", "10:00:10", null, 120, 0, "Transferred"),
                work("570A", "005B", "00GQ2", "10:14:50", "10:15:00", null, 300, 60, "Closed"));
        assertThat(queues(result)).containsExactly(
                "00GQ1 10:00 1/1/0/0/1/0 10/0/10/0 120/0",
                "00GQ2 10:00 1/1/0/0/1/0 10/0/10/0 240/60");
        assertThat(agents(result)).containsExactly(
                "005A 00GQ1 10:00 1 120/0 1",
                "005B 00GQ2 10:15 1 240/60 0");
    }

    @Test
    void aCanceledContactWaitsUntilItsLatestCancel() {
        ContactThresholdEvaluator.Result result = evaluate(
                work("570A", "005A", "00GQ", "10:00:00", null, "10:00:12", 0, 0, "Declined"),
                work("570A", "005B", "00GQ", "10:00:15", null, "10:00:30", 0, 0, "Canceled"));
        assertThat(queues(result)).containsExactly("00GQ 10:00 1/0/1/0/0/0 0/30/0/30 0/0");
        QueueIntervalRecord r = only(result);
        assertThat(r.abandonRatePercent()).isEqualTo(100.0);
        assertThat(result.agentQueueRecords()).isEmpty();
    }

    @Test
    void anUnresolvedContactIsOfferedAndStaysInTheServiceLevelDenominator() {
        QueueIntervalRecord r = only(evaluate(
                work("570A", "005A", "00GQ", "10:00:00", null, null, 0, 0, "Declined"),
                answered("570B", "005B", "00GQ", "10:01:00", "10:01:05"),
                work("570C", "005A", "00GQ", "10:02:00", null, null, 0, 0, "Assigned")));
        assertThat(r.offered()).isEqualTo(3);
        assertThat(r.answered()).isEqualTo(1);
        assertThat(r.abandoned()).isZero();
        assertThat(r.serviceLevelPercent()).isEqualTo(100.0 / 3);
        assertThat(r.abandonRatePercent()).isEqualTo(0.0);
    }

    @Test
    void unresolvedContactsOfferedInTheWindowAreListedToBeKept() {
        ContactThresholdEvaluator.Result result = evaluate(
                work("570A", "005A", "00GQ", "09:55:00", null, null, 0, 0, "Declined"),    // offered before
                work("570B", "005A", "00GQ", "10:00:00", null, null, 0, 0, "Declined"),
                work("570B", "005B", "00GR", "10:05:00", null, null, 0, 0, "Assigned"),    // another queue
                answered("570C", "005B", "00GQ", "10:01:00", "10:01:05"),
                canceled("570D", "00GQ", "10:02:00", "10:02:30"));
        assertThat(result.unresolved()).containsExactly(
                new ContactThresholdEvaluator.UnresolvedContact("570B", "00GQ", at("10:00")),
                new ContactThresholdEvaluator.UnresolvedContact("570B", "00GR", at("10:05")));
    }

    @Test
    void aReofferOfAContactFirstOfferedBeforeTheRowsReadIsNotANewContact() {
        // 570A was first offered at 08:40 (kept by an earlier run) and is re-offered and answered inside the window;
        // 570B has a kept offer in another queue only
        ContactThresholdEvaluator evaluator = new ContactThresholdEvaluator(WINDOW, 20, 5, RowOrder.SORTED)
                .withEarlierOffers(List.of(new ContactThresholdEvaluator.UnresolvedContact("570A", "00GQ", at("08:40")),
                        new ContactThresholdEvaluator.UnresolvedContact("570B", "00GR", at("08:45"))));
        List.of(answered("570A", "005A", "00GQ", "10:10", "10:10:05"),
                answered("570B", "005A", "00GQ", "10:20", "10:20:05")).forEach(evaluator);
        ContactThresholdEvaluator.Result result = evaluator.finish();

        assertThat(queues(result)).containsExactly("00GQ 10:15 1/1/0/0/1/0 5/0/5/0 90/10");
        assertThat(agents(result)).as("the agent's work still counts where it was accepted")
                .containsExactly("005A 00GQ 10:00 1 90/10 0", "005A 00GQ 10:15 1 90/10 0");
        assertThat(result.unresolved()).isEmpty();
    }

    @Test
    void rowsWithoutQueueAreSkippedAndCounted() {
        ContactThresholdEvaluator.Result result = evaluate(
                answered("570A", "005A", null, "10:00", "10:00:05"), answered("570B", "005B", "00GQ", "10:00", "10:00:05"));
        assertThat(queues(result)).containsExactly("00GQ 10:00 1/1/0/0/1/0 5/0/5/0 90/10");
        assertThat(agents(result)).containsExactly("005B 00GQ 10:00 1 90/10 0");
        assertThat(result.skipped().byReason()).isEqualTo(Map.of("AgentWork row without queue (direct routing)", 1L));
        assertThat(result.agentIds()).containsExactly("005A", "005B");
    }

    @Test
    void contactsBelongToTheIntervalOfArrivalAndAgentWorkToTheIntervalOfAcceptance() {
        ContactThresholdEvaluator.Result result = evaluate(
                answered("570A", "005A", "00GQ", "09:59:50", "10:00:05"),          // offered before the window
                answered("570B", "005A", "00GQ", "10:14:59.999", "10:15:30"),      // arrives at the end of 10:00
                answered("570C", "005B", "00GQ", "10:59:50", "11:00:10"));         // accepted after the window
        assertThat(queues(result)).containsExactly(
                "00GQ 10:00 1/1/0/0/0/0 30/0/30/0 90/10",
                "00GQ 10:45 1/1/0/0/1/0 20/0/20/0 90/10");
        assertThat(agents(result)).containsExactly(
                "005A 00GQ 10:00 1 90/10 0",
                "005A 00GQ 10:15 1 90/10 0");
    }

    @Test
    void talkIsHandleTimeLessAfterConversationWorkNeverNegative() {
        ContactThresholdEvaluator.Result result = evaluate(
                work("570A", "005A", "00GQ", "10:00", "10:00:01", null, 30, 45, "Closed"));
        assertThat(queues(result)).containsExactly("00GQ 10:00 1/1/0/0/1/0 1/0/1/0 0/45");
        assertThat(only(result).averageHandleSeconds()).isEqualTo(45.0);
    }

    @Test
    void secondsAreSummedInMillisecondsAndRoundedAtTheEnd() {
        QueueIntervalRecord r = only(evaluate(
                answered("570A", "005A", "00GQ", "10:00", "10:00:01.400"),
                answered("570B", "005A", "00GQ", "10:01", "10:01:01.400"),
                canceled("570C", "00GQ", "10:02", "10:02:02.499")));
        assertThat(r.queuedAnsweredSeconds()).isEqualTo(3);
        assertThat(r.longestQueuedAnsweredSeconds()).isEqualTo(1);
        assertThat(r.queuedAbandonedSeconds()).isEqualTo(2);
        assertThat(r.averageSpeedOfAnswerSeconds()).isEqualTo(1.5);
        assertThat(r.averageHandleSeconds()).isEqualTo(100.0);
        assertThat(r.serviceLevelPercent()).isEqualTo(100.0);
        assertThat(r.abandonRatePercent()).isEqualTo(0.0);
    }

    @Test
    void anAcceptedRowMakesTheContactAnsweredEvenIfAnotherRowWasCanceled() {
        ContactThresholdEvaluator.Result result = evaluate(
                work("570A", "005A", "00GQ", "10:00", null, "10:00:03", 0, 0, "Canceled"),
                work("570A", "005B", "00GQ", "10:00", "10:00:08", null, 60, 0, "Closed"));
        assertThat(queues(result)).containsExactly("00GQ 10:00 1/1/0/0/1/0 8/0/8/0 60/0");
    }

    @Test
    void intervalsFollowTheTimeZone() {
        RunWindow kolkata30 = new Intervals(30, ZoneId.of("Asia/Kolkata")).window(at("09:00"), at("11:00"));
        ContactThresholdEvaluator.Result result = evaluate(kolkata30, RowOrder.SORTED, List.of(
                answered("570A", "005A", "00GQ", "10:29:59", "10:30:02"),
                answered("570B", "005A", "00GQ", "10:30:00", "10:30:02")));
        assertThat(queues(result)).containsExactly(
                "00GQ 10:00 1/1/0/0/1/0 3/0/3/0 90/10",
                "00GQ 10:30 1/1/0/0/1/0 2/0/2/0 90/10");
        assertThat(agents(result)).containsExactly("005A 00GQ 10:30 2 180/20 0");
        assertThat(result.queueRecords().get(0).intervalMinutes()).isEqualTo(30);
    }

    @Test
    void recordsAreSortedByIntervalThenIds() {
        ContactThresholdEvaluator.Result result = evaluate(
                answered("570A", "005B", "00GQ2", "10:20", "10:20:05"),
                answered("570B", "005A", "00GQ2", "10:00", "10:00:05"),
                answered("570C", "005B", "00GQ1", "10:00", "10:00:05"),
                answered("570D", "005A", "00GQ1", "10:00", "10:00:05"));
        assertThat(result.queueRecords()).extracting(r -> r.intervalStart().toString().substring(11, 16) + " " + r.queueId())
                .containsExactly("10:00 00GQ1", "10:00 00GQ2", "10:15 00GQ2");
        assertThat(result.agentQueueRecords()).extracting(r -> r.intervalStart().toString().substring(11, 16) + " "
                + r.agentId() + " " + r.queueId())
                .containsExactly("10:00 005A 00GQ1", "10:00 005A 00GQ2", "10:00 005B 00GQ1", "10:15 005B 00GQ2");
    }

    @Test
    void sortedModeRefusesAWorkItemThatComesBack() {
        ContactThresholdEvaluator evaluator = new ContactThresholdEvaluator(WINDOW, 20, 5, RowOrder.SORTED);
        evaluator.accept(answered("570A", "005A", "00GQ", "10:00", "10:00:05"));
        evaluator.accept(answered("570B", "005A", "00GQ", "10:00", "10:00:05"));
        assertThatThrownBy(() -> evaluator.accept(answered("570A", "005B", "00GQ", "10:00", "10:00:05")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WorkItemId");
    }

    @Test
    void sortedModeAcceptsIdsOrderedIgnoringCase() {
        ContactThresholdEvaluator evaluator = new ContactThresholdEvaluator(WINDOW, 20, 5, RowOrder.SORTED);
        for (String workItem : List.of("570a", "570B", "570c", "570D")) {
            evaluator.accept(answered(workItem, "005A", "00GQ", "10:00", "10:00:05"));
        }
        assertThat(evaluator.finish().queueRecords().get(0).offered()).isEqualTo(4);
    }

    @Test
    void anyOrderGivesTheSameRecordsAsSortedRows() {
        List<AgentWorkRow> rows = new ArrayList<>(List.of(
                work("570A", "005A", "00GQ1", "10:00:00", null, null, 0, 0, "Declined"),
                work("570A", "005B", "00GQ1", "10:00:00", "10:00:25", null, 120, 0, "Transferred"),
                work("570A", "005C", "00GQ2", "10:03:00", "10:03:04", null, 300, 30, "Closed"),
                canceled("570B", "00GQ1", "10:20", "10:20:10"),
                answered("570C", "005A", "00GQ2", "10:40", "10:40:20"),
                work("570D", "005A", null, "10:40", "10:40:20", null, 5, 0, "Closed")));
        ContactThresholdEvaluator.Result sorted = evaluate(WINDOW, RowOrder.SORTED, rows);
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(rows, random);
            ContactThresholdEvaluator.Result any = evaluate(WINDOW, RowOrder.ANY, rows);
            assertThat(any.queueRecords()).isEqualTo(sorted.queueRecords());
            assertThat(any.agentQueueRecords()).isEqualTo(sorted.agentQueueRecords());
            assertThat(any.skipped().total()).isEqualTo(1);
        }
        assertThat(queues(sorted)).containsExactly(
                "00GQ1 10:00 1/1/0/0/0/0 25/0/25/0 120/0",
                "00GQ2 10:00 1/1/0/0/1/0 4/0/4/0 270/30",
                "00GQ1 10:15 1/0/1/0/0/1 0/10/0/10 0/0",
                "00GQ2 10:30 1/1/0/0/1/0 20/0/20/0 90/10");
    }
}
