package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.historical.SoqlPageParser.PageResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresencePageParserTest {

    private final PresencePageParser parser = new PresencePageParser();
    private final List<PresenceRow> rows = new ArrayList<>();

    @Test
    void readsAPageWithNestedStatusesAndPagingFacts() throws IOException {
        PageResult page = parser.parse("""
                {"totalSize": 4100, "done": false,
                 "nextRecordsUrl": "/services/data/v53.0/query/01gD0000002HU6KIAW-2000",
                 "records": [
                  {"attributes": {"type": "UserServicePresence", "url": "/services/data/v53.0/sobjects/UserServicePresence/0Nw1"},
                   "Id": "0Nw000000000001AAA", "UserId": "005000000000001AAA",
                   "ServicePresenceStatus": {"attributes": {"type": "ServicePresenceStatus", "url": "/x"},
                                             "MasterLabel": "Ready", "DeveloperName": "Available"},
                   "StatusStartDate": "2026-11-24T10:00:00.000+0000", "StatusEndDate": "2026-11-24T10:20:30.250+0000",
                   "IsCurrentState": false},
                  {"attributes": {"type": "UserServicePresence"},
                   "Id": "0Nw000000000002AAA", "UserId": "005000000000001AAA",
                   "ServicePresenceStatus": {"MasterLabel": "Lunch", "DeveloperName": null},
                   "StatusStartDate": "2026-11-24T10:20:30.250+0000", "StatusEndDate": null, "IsCurrentState": true}
                 ]}
                """, rows::add);
        assertThat(page.totalSize()).isEqualTo(4100);
        assertThat(page.done()).isFalse();
        assertThat(page.nextRecordsUrl()).isEqualTo("/services/data/v53.0/query/01gD0000002HU6KIAW-2000");
        assertThat(page.rows()).isEqualTo(2);
        assertThat(page.skipped().isEmpty()).isTrue();
        assertThat(rows).containsExactly(
                PresenceRow.of("0Nw000000000001AAA", "005000000000001AAA", "Ready", "Available",
                        Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:20:30.250Z"), false),
                PresenceRow.of("0Nw000000000002AAA", "005000000000001AAA", "Lunch", null,
                        Instant.parse("2026-11-24T10:20:30.250Z"), null, true));
    }

    @Test
    void pagingFactsMayFollowTheRecords() throws IOException {
        PageResult page = parser.parse(new ByteArrayInputStream("""
                {"records": [{"Id": "0Nw1", "UserId": "005A", "StatusStartDate": "2026-11-24T10:00:00.000+0000"}],
                 "done": true, "totalSize": 1}
                """.getBytes(StandardCharsets.UTF_8)), rows::add);
        assertThat(page.done()).isTrue();
        assertThat(page.totalSize()).isEqualTo(1);
        assertThat(page.nextRecordsUrl()).isNull();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.statusLabel()).isNull();
            assertThat(row.statusApiName()).isNull();
            assertThat(row.statusEnd()).isNull();
            assertThat(row.currentState()).isFalse();
        });
    }

    @Test
    void badRecordsAreSkippedAndCountedByReasonWhileTheOthersFlow() throws IOException {
        PageResult page = parser.parse("""
                {"totalSize": 9, "done": true, "records": [
                  {"Id": "0Nw1", "UserId": "005A", "StatusStartDate": "2026-11-24T10:00:00.000+0000"},
                  {"Id": "0Nw2", "UserId": "005A", "StatusStartDate": "yesterday"},
                  {"Id": "0Nw3", "UserId": "005A", "StatusStartDate": "2026-11-24T10:00:00.000+0000", "StatusEndDate": 17},
                  {"Id": "0Nw4", "StatusStartDate": "2026-11-24T10:00:00.000+0000"},
                  {"Id": "0Nw5", "UserId": "", "StatusStartDate": "2026-11-24T10:00:00.000+0000"},
                  {"UserId": "005A", "StatusStartDate": "2026-11-24T10:00:00.000+0000"},
                  {"Id": "0Nw7", "UserId": "005A"},
                  null,
                  {"Id": "0Nw9", "UserId": {"nested": [1, 2]}, "StatusStartDate": "2026-11-24T10:00:00.000+0000"},
                  {"Id": "0Nw10", "UserId": "005A", "StatusStartDate": "2026-11-24T10:00:00.000+0000",
                   "ServicePresenceStatus": "Ready"},
                  {"Id": "0Nw11", "UserId": "005A", "StatusStartDate": "2026-11-24T10:00:00.000+0000",
                   "IsCurrentState": "maybe"},
                  {"Id": "0Nw12", "UserId": "005B", "StatusStartDate": "2026-11-24T10:05:00.000+0000",
                   "Extra": {"deep": {"deeper": [{"Id": "x"}]}}, "ServicePresenceStatus": null, "IsCurrentState": "true"}
                ]}
                """, rows::add);
        assertThat(rows).extracting(PresenceRow::id).containsExactly("0Nw1", "0Nw12");
        assertThat(rows.get(1).currentState()).isTrue();
        assertThat(page.rows()).isEqualTo(2);
        assertThat(page.skipped().total()).isEqualTo(10);
        assertThat(page.skipped().byReason()).isEqualTo(Map.of(
                "StatusStartDate: not a datetime", 1L,
                "StatusEndDate: not a datetime", 1L,
                "UserId: missing", 2L,
                "Id: missing", 1L,
                "StatusStartDate: missing", 1L,
                "record is not an object", 1L,
                "UserId: not a value", 1L,
                "ServicePresenceStatus: not an object", 1L,
                "IsCurrentState: not a boolean", 1L));
    }

    @Test
    void anEmptyPageHasNoRows() throws IOException {
        PageResult page = parser.parse("{\"totalSize\":0,\"done\":true,\"records\":[]}", rows::add);
        assertThat(page.rows()).isZero();
        assertThat(page.done()).isTrue();
        assertThat(rows).isEmpty();
    }

    @Test
    void aPageThatIsNotJsonThrows() {
        assertThatThrownBy(() -> parser.parse("<html>503</html>", rows::add)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parser.parse("[]", rows::add)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parser.parse("{\"records\": [{\"Id\": \"0Nw1\"", rows::add))
                .isInstanceOf(IOException.class);
    }
}
