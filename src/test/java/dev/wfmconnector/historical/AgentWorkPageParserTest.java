package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.historical.SoqlPageParser.PageResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentWorkPageParserTest {

    private final AgentWorkPageParser parser = new AgentWorkPageParser();
    private final List<AgentWorkRow> rows = new ArrayList<>();

    @Test
    void readsEveryFieldOfARow() throws IOException {
        PageResult page = parser.parse("""
                {"totalSize": 1, "done": true, "records": [
                  {"attributes": {"type": "AgentWork", "url": "/services/data/v53.0/sobjects/AgentWork/0Bz1"},
                   "Id": "0Bz000000000001AAA", "WorkItemId": "570000000000001AAA", "UserId": "005000000000001AAA",
                   "OriginalGroupId": "00G000000000001AAA", "OriginalQueueId": "00G000000000009AAA",
                   "ServiceChannelId": "0N9000000000001AAA",
                   "RequestDateTime": "2026-11-24T10:00:00.000+0000", "AcceptDateTime": "2026-11-24T10:00:20.400+0000",
                   "CancelDateTime": null, "CloseDateTime": "2026-11-24T10:05:00.000+0000",
                   "HandleTime": 280, "AfterConversationActualTime": 40, "Status": "Closed"}
                ]}
                """, rows::add);
        assertThat(page.rows()).isEqualTo(1);
        assertThat(rows).containsExactly(AgentWorkRow.of("570000000000001AAA", "005000000000001AAA",
                "00G000000000001AAA", Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:00:20.400Z"),
                null, 280_000, 40_000, "Closed"));
        assertThat(rows.get(0).talkMillis()).isEqualTo(240_000);
    }

    @Test
    void theQueueFallsBackToOriginalQueueIdAndFieldsLeftOutOfTheQueryAreEmpty() throws IOException {
        parser.parse("""
                {"done": true, "records": [
                  {"Id": "0Bz1", "WorkItemId": "570A", "UserId": "005A", "OriginalGroupId": null,
                   "OriginalQueueId": "00GQ", "RequestDateTime": "2026-11-24T10:00:00.000+0000", "HandleTime": null},
                  {"Id": "0Bz2", "WorkItemId": "570B", "UserId": "005A", "RequestDateTime": "2026-11-24T10:00:00.000+0000",
                   "HandleTime": 12.5, "Status": "Canceled"},
                  {"Id": "0Bz3", "WorkItemId": "570C", "UserId": "005A", "OriginalGroupId": "",
                   "OriginalQueueId": "00GQ", "RequestDateTime": "2026-11-24T10:00:00.000+0000", "HandleTime": "30"}
                ]}
                """, rows::add);
        assertThat(rows).extracting(AgentWorkRow::queueId).containsExactly("00GQ", null, "00GQ");
        assertThat(rows).extracting(AgentWorkRow::handleTimeMillis).containsExactly(0L, 12_500L, 30_000L);
        assertThat(rows).extracting(AgentWorkRow::afterConversationMillis).containsOnly(0L);
        assertThat(rows.get(1).isCanceled()).isTrue();
        assertThat(rows.get(1).acceptDateTime()).isNull();
    }

    @Test
    void badRecordsAreSkippedAndCountedByReason() throws IOException {
        PageResult page = parser.parse("""
                {"done": true, "records": [
                  {"Id": "0Bz1", "WorkItemId": "570A", "UserId": "005A", "RequestDateTime": "2026-11-24T10:00:00.000+0000"},
                  {"Id": "0Bz2", "WorkItemId": "570A", "UserId": "005A"},
                  {"Id": "0Bz3", "UserId": "005A", "RequestDateTime": "2026-11-24T10:00:00.000+0000"},
                  {"Id": "0Bz4", "WorkItemId": "570A", "UserId": "005A", "RequestDateTime": "2026-11-24T10:00:00.000+0000",
                   "AcceptDateTime": "2026-11-24T25:00:00.000+0000"},
                  {"Id": "0Bz5", "WorkItemId": "570A", "UserId": "005A", "RequestDateTime": "2026-11-24T10:00:00.000+0000",
                   "HandleTime": -3},
                  {"Id": "0Bz6", "WorkItemId": "570A", "UserId": "005A", "RequestDateTime": "2026-11-24T10:00:00.000+0000",
                   "AfterConversationActualTime": "soon"},
                  {"WorkItemId": "570A", "UserId": "005A", "RequestDateTime": "2026-11-24T10:00:00.000+0000"},
                  {"Id": "0Bz8", "WorkItemId": "570A", "UserId": "005A", "RequestDateTime": "2026-11-24T10:00:00.000+0000",
                   "HandleTime": {"value": 3}}
                ]}
                """, rows::add);
        assertThat(rows).hasSize(1);
        assertThat(page.skipped().byReason()).isEqualTo(Map.of(
                "RequestDateTime: missing", 1L,
                "WorkItemId: missing", 1L,
                "AcceptDateTime: not a datetime", 1L,
                "HandleTime: not a non-negative number", 1L,
                "AfterConversationActualTime: not a number", 1L,
                "Id: missing", 1L,
                "HandleTime: not a number", 1L));
    }

    @Test
    void selectedFieldsTheEvaluationDoesNotUseAreNotReadSoABadValueThereKeepsTheRow() throws IOException {
        PageResult page = parser.parse("""
                {"done": true, "records": [
                  {"Id": "0Bz1", "WorkItemId": "570A", "UserId": "005A", "RequestDateTime": "2026-11-24T10:00:00.000+0000",
                   "ServiceChannelId": {"unexpected": true}, "CloseDateTime": "yesterday"},
                  {"Id": {"unexpected": true}, "WorkItemId": "570B", "UserId": "005A",
                   "RequestDateTime": "2026-11-24T10:00:00.000+0000"}
                ]}
                """, rows::add);
        assertThat(rows).extracting(AgentWorkRow::workItemId).containsExactly("570A");
        assertThat(page.skipped().byReason()).isEqualTo(Map.of("Id: not a value", 1L));
    }

    @Test
    void recordsMayGiveTheirFieldsInAnotherOrderOrLeaveSomeOut() throws IOException {
        parser.parse("""
                {"done": true, "records": [
                  {"Id": "0Bz1", "WorkItemId": "570A", "UserId": "005A", "OriginalGroupId": "00GQ",
                   "RequestDateTime": "2026-11-24T10:00:00.000+0000", "HandleTime": 10, "Status": "Closed"},
                  {"Status": "Canceled", "RequestDateTime": "2026-11-24T11:00:00.000+0000", "UserId": "005B",
                   "WorkItemId": "570B", "Id": "0Bz2", "OriginalGroupId": "00GR"},
                  {"Id": "0Bz3", "WorkItemId": "570C", "UserId": "005A", "Extra": {"nested": [1, 2]},
                   "RequestDateTime": "2026-11-24T12:00:00.000+0000", "HandleTime": 30, "Status": "Closed"},
                  {"Id": "0Bz4", "WorkItemId": "570D", "UserId": "005B", "OriginalGroupId": "00GQ",
                   "RequestDateTime": "2026-11-24T13:00:00.000+0000", "AcceptDateTime": "2026-11-24T13:00:20.000+0000",
                   "HandleTime": 40, "AfterConversationActualTime": 5, "Status": "Closed"}
                ]}
                """, rows::add);
        assertThat(rows).containsExactly(
                new AgentWorkRow("570A", "005A", "00GQ", Instant.parse("2026-11-24T10:00:00Z").toEpochMilli(),
                        SalesforceDateTime.NONE, SalesforceDateTime.NONE, 10_000, 0, "Closed"),
                new AgentWorkRow("570B", "005B", "00GR", Instant.parse("2026-11-24T11:00:00Z").toEpochMilli(),
                        SalesforceDateTime.NONE, SalesforceDateTime.NONE, 0, 0, "Canceled"),
                new AgentWorkRow("570C", "005A", null, Instant.parse("2026-11-24T12:00:00Z").toEpochMilli(),
                        SalesforceDateTime.NONE, SalesforceDateTime.NONE, 30_000, 0, "Closed"),
                // fields the first record did not have
                new AgentWorkRow("570D", "005B", "00GQ", Instant.parse("2026-11-24T13:00:00Z").toEpochMilli(),
                        Instant.parse("2026-11-24T13:00:20Z").toEpochMilli(), SalesforceDateTime.NONE, 40_000, 5_000,
                        "Closed"));
    }

    @Test
    void valuesThatRepeatAcrossPagesShareOneStringWhenThePagesShareOneSharedStrings() throws IOException {
        SharedStrings shared = new SharedStrings();
        String page = """
                {"done": true, "records": [{"Id": "0Bz1", "WorkItemId": "570A", "UserId": "005A", "OriginalGroupId": "00GQ",
                   "RequestDateTime": "2026-11-24T10:00:00.000+0000", "Status": "Closed"}]}
                """;
        parser.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), shared, rows::add);
        parser.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), shared, rows::add);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).userId()).isSameAs(rows.get(0).userId());
        assertThat(rows.get(1).queueId()).isSameAs(rows.get(0).queueId());
        assertThat(rows.get(1).status()).isSameAs(rows.get(0).status());
        assertThat(rows.get(1).workItemId()).isEqualTo("570A");
    }
}
