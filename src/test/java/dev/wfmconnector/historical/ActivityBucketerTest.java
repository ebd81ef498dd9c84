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

class ActivityBucketerTest {

    private static final String DAY = "2026-11-24T";
    private static final ActivityCategories CATEGORIES = new ActivityCategories(
            ActivityCategories.parseList("Admin; Email"), ActivityCategories.parseList("Idle"),
            ActivityCategories.parseList("Not ready; Training"), ActivityCategories.parseList(" ready ;  ON call;;"));
    /** 10:00 to 11:00 UTC in 15-minute intervals. */
    private static final RunWindow WINDOW = new Intervals(15, ZoneId.of("UTC")).window(at("10:00"), at("11:00"));

    private static Instant at(String time) {
        return Instant.parse(DAY + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    private static int ids;

    private static PresenceRow row(String user, String label, String apiName, String start, String end, boolean current) {
        return PresenceRow.of("0Nw" + (++ids), user, label, apiName, at(start), end == null ? null : at(end), current);
    }

    private static PresenceRow ready(String user, String start, String end) {
        return row(user, "Ready", "Ready", start, end, false);
    }

    private static ActivityBucketer.Result bucket(Instant asOf, PresenceRow... rows) {
        return bucket(WINDOW, asOf, rows);
    }

    private static ActivityBucketer.Result bucket(RunWindow window, Instant asOf, PresenceRow... rows) {
        ActivityBucketer bucketer = new ActivityBucketer(window, CATEGORIES, asOf, RowOrder.SORTED);
        for (PresenceRow row : rows) {
            bucketer.accept(row);
        }
        return bucketer.finish();
    }

    /** Records as "agent interval ready/notReady/idle/admin/unmapped=loggedIn". */
    private static List<String> table(ActivityBucketer.Result result) {
        return result.records().stream().map(r -> r.agentId() + " " + r.intervalStart().toString().substring(11, 16)
                + " " + r.readySeconds() + "/" + r.notReadySeconds() + "/" + r.idleSeconds() + "/" + r.adminSeconds()
                + "/" + r.unmappedSeconds() + "=" + r.loggedInSeconds()).toList();
    }

    @Test
    void aStatusSpanningSeveralIntervalsIsSplitAtTheBoundaries() {
        assertThat(table(bucket(at("12:00"), ready("005A", "10:05", "10:50")))).containsExactly(
                "005A 10:00 600/0/0/0/0=600",
                "005A 10:15 900/0/0/0/0=900",
                "005A 10:30 900/0/0/0/0=900",
                "005A 10:45 300/0/0/0/0=300");
    }

    @Test
    void aStatusOnTheBoundariesFillsExactlyItsInterval() {
        assertThat(table(bucket(at("12:00"), ready("005A", "10:15", "10:30")))).containsExactly(
                "005A 10:15 900/0/0/0/0=900");
    }

    @Test
    void onlyTheTimeInsideTheWindowCounts() {
        assertThat(table(bucket(at("12:00"), ready("005A", "09:50", "10:10"), row("005A", "Idle", "Idle", "10:55", "11:30", false))))
                .containsExactly("005A 10:00 600/0/0/0/0=600", "005A 10:45 0/0/300/0/0=300");
    }

    @ParameterizedTest(name = "as of {0}")
    @CsvSource({
        "10:52:30, '005A 10:30 300/0/0/0/0=300', '005A 10:45 450/0/0/0/0=450'",
        "11:05,    '005A 10:30 300/0/0/0/0=300', '005A 10:45 900/0/0/0/0=900'",
    })
    void anOpenCurrentStatusEndsAtTheAsOfTime(String asOf, String first, String second) {
        assertThat(table(bucket(at(asOf), row("005A", "Ready", "Ready", "10:40", null, true))))
                .containsExactly(first, second);
    }

    @Test
    void anOverlappingRowEndsWhereTheNextStarts() {
        assertThat(table(bucket(at("12:00"), ready("005A", "10:00", "10:20"), row("005A", "Idle", "Idle", "10:10", "10:25", false))))
                .containsExactly("005A 10:00 600/0/300/0/0=900", "005A 10:15 0/0/600/0/0=600");
        // a row inside another cuts it short; the time after the inner row ends counts nothing
        assertThat(table(bucket(at("12:00"), ready("005A", "10:00", "10:40"), row("005A", "Admin", "Admin", "10:10", "10:15", false))))
                .containsExactly("005A 10:00 600/0/0/300/0=900");
    }

    @Test
    void rowsStartingTogetherLetTheLongerOneCount() {
        PresenceRow shorter = row("005A", "Idle", "Idle", "10:00", "10:05", false);
        PresenceRow longer = ready("005A", "10:00", "10:10");
        assertThat(table(bucket(at("12:00"), shorter, longer))).containsExactly("005A 10:00 600/0/0/0/0=600");
        assertThat(table(bucket(at("12:00"), longer, shorter))).containsExactly("005A 10:00 600/0/0/0/0=600");
    }

    @Test
    void malformedRowsCountNothingAndAreCounted() {
        ActivityBucketer.Result result = bucket(at("12:00"),
                row("005A", "Ready", "Ready", "10:00", null, false),     // no end, not current, a later row: ends there
                row("005A", "Idle", "Idle", "10:05", "10:10", false),
                row("005A", "Admin", "Admin", "10:20", null, false),    // no end, not current, no later row
                row("005B", "Ready", "Ready", "10:30", "10:20", false)); // ends before it starts
        assertThat(table(result)).containsExactly("005A 10:00 300/0/300/0/0=600");
        assertThat(result.skipped().byReason()).isEqualTo(Map.of(
                "presence row without end, not current, with no later row", 1L,
                "presence row ending before it starts", 1L));
        assertThat(result.agentIds()).containsExactly("005A", "005B");
    }

    @ParameterizedTest(name = "label {0}, API name {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "Ready,        Ready,     ready",
        "'  on CALL ', On_Call,   ready",
        "TRAINING,     -,         notReady",
        "Training,     Ready,     notReady",   // label and API name in different lists: the label decides
        "Break,        Admin,     admin",      // an unknown label falls back to the API name
        "-,            idle,      idle",
        "Lunch,        Lunch,     unmapped",
        "-,            -,         unmapped",
    })
    void theActivityDecidesTheCategoryByLabelOrApiName(String label, String apiName, String category) {
        AgentIntervalRecord r = bucket(at("12:00"), row("005A", label, apiName, "10:00", "10:01", false)).records().get(0);
        Map<String, Long> byCategory = Map.of("ready", r.readySeconds(), "notReady", r.notReadySeconds(),
                "idle", r.idleSeconds(), "admin", r.adminSeconds(), "unmapped", r.unmappedSeconds());
        assertThat(byCategory.get(category)).isEqualTo(60);
        assertThat(r.loggedInSeconds()).isEqualTo(60);
    }

    @Test
    void offlineIsNotLoggedInTime() {
        assertThat(bucket(at("12:00"), row("005A", "Offline", "Offline", "10:00", "10:30", false)).records()).isEmpty();
    }

    @Test
    void eachCategoryIsRoundedHalfUpAndLoggedInIsTheirSum() {
        ActivityBucketer.Result result = bucket(at("12:00"),
                row("005A", "Ready", "Ready", "10:00:00.000", "10:00:00.500", false),
                row("005A", "Idle", "Idle", "10:00:00.500", "10:00:01.000", false),
                row("005A", "Admin", "Admin", "10:00:01.000", "10:00:01.499", false),
                row("005B", "Ready", "Ready", "10:00:00.000", "10:00:00.499", false));
        assertThat(table(result)).containsExactly("005A 10:00 1/0/1/0/0=2");
    }

    @Test
    void intervalsFollowTheLocalClockOfTheTimeZone() {
        RunWindow kolkata30 = new Intervals(30, ZoneId.of("Asia/Kolkata")).window(at("09:00"), at("11:00"));
        assertThat(table(bucket(kolkata30, at("12:00"), ready("005A", "10:10", "10:40"))))
                .containsExactly("005A 10:00 1200/0/0/0/0=1200", "005A 10:30 600/0/0/0/0=600");
        RunWindow kolkata60 = new Intervals(60, ZoneId.of("Asia/Kolkata")).window(at("09:00"), at("11:30"));
        assertThat(kolkata60.start()).isEqualTo(at("08:30"));
        assertThat(table(bucket(kolkata60, at("12:00"), ready("005A", "10:10", "10:40"))))
                .containsExactly("005A 09:30 1200/0/0/0/0=1200", "005A 10:30 600/0/0/0/0=600");
    }

    @Test
    void recordsAreSortedByIntervalThenAgentAndCarryTheCatalogOfStatuses() {
        ActivityBucketer.Result result = bucket(at("12:00"),
                ready("005B", "10:00", "10:20"), row("005B", "Lunch", "Lunch_Break", "10:20", "10:40", false),
                ready("005A", "10:10", "10:20"));
        assertThat(table(result)).containsExactly(
                "005A 10:00 300/0/0/0/0=300", "005B 10:00 900/0/0/0/0=900",
                "005A 10:15 300/0/0/0/0=300", "005B 10:15 300/0/0/0/600=900",
                "005B 10:30 0/0/0/0/600=600");
        assertThat(result.presenceStatuses()).containsExactly(Map.entry("Ready", "Ready"), Map.entry("Lunch", "Lunch_Break"));
        assertThat(result.records().get(0).intervalMinutes()).isEqualTo(15);
        assertThat(result.records().get(0).agentName()).isNull();
    }

    @Test
    void sortedModeAcceptsUsersInterleavedByStartAndAUsersRowsInAnyOrder() {
        List<PresenceRow> rows = List.of(
                ready("005A", "10:00", "10:20"), row("005B", "Idle", "Idle", "10:05", null, true),
                row("005A", "Admin", "Admin", "10:20", "10:30", false),
                row("005C", "Idle", "Idle", "10:40", "10:50", false), ready("005C", "10:00", "10:40"));
        List<PresenceRow> byUser = new ArrayList<>(rows);
        byUser.sort((a, b) -> a.userId().compareTo(b.userId()) != 0 ? a.userId().compareTo(b.userId())
                : Long.compare(a.statusStartMillis(), b.statusStartMillis()));
        assertThat(table(bucket(at("12:00"), rows.toArray(PresenceRow[]::new))))
                .isEqualTo(table(bucket(at("12:00"), byUser.toArray(PresenceRow[]::new))))
                .containsExactly(
                        "005A 10:00 900/0/0/0/0=900", "005B 10:00 0/0/600/0/0=600", "005C 10:00 900/0/0/0/0=900",
                        "005A 10:15 300/0/0/600/0=900", "005B 10:15 0/0/900/0/0=900", "005C 10:15 900/0/0/0/0=900",
                        "005B 10:30 0/0/900/0/0=900", "005C 10:30 600/0/300/0/0=900",
                        "005B 10:45 0/0/900/0/0=900", "005C 10:45 0/0/300/0/0=300");
    }

    @Test
    void sortedModeRefusesARowThatWouldChangeTimeAlreadyBucketed() {
        ActivityBucketer bucketer = new ActivityBucketer(WINDOW, CATEGORIES, at("12:00"), RowOrder.SORTED);
        bucketer.accept(ready("005A", "10:00", "10:20"));
        bucketer.accept(ready("005A", "10:30", "10:40"));
        bucketer.accept(ready("005B", "10:00", "10:20"));
        assertThatThrownBy(() -> bucketer.accept(ready("005A", "10:10", "10:15")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("005A").hasMessageContaining("UserId, StatusStartDate");
    }

    @Test
    void anyOrderGivesTheSameRecordsAsSortedRows() {
        List<PresenceRow> rows = new ArrayList<>(List.of(
                ready("005A", "09:40", "10:20"), row("005A", "Idle", "Idle", "10:10", "10:25", false),
                row("005A", "Admin", "Admin", "10:25", null, false), row("005A", "Training", "Training", "10:50", null, true),
                ready("005B", "10:00", "10:07:30.250"), row("005B", "Lunch", "Lunch", "10:07:30.250", "10:59", false),
                row("005C", "Ready", "Ready", "10:30", null, false)));
        String expected = table(bucket(at("11:30"), rows.toArray(PresenceRow[]::new))).toString();
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(rows, random);
            ActivityBucketer any = new ActivityBucketer(WINDOW, CATEGORIES, at("11:30"), RowOrder.ANY);
            rows.forEach(any);
            ActivityBucketer.Result result = any.finish();
            assertThat(table(result).toString()).isEqualTo(expected);
            assertThat(result.skipped().total()).isEqualTo(1);
        }
    }

    @Test
    void finishIsFinal() {
        ActivityBucketer bucketer = new ActivityBucketer(WINDOW, CATEGORIES, at("12:00"), RowOrder.SORTED);
        bucketer.finish();
        assertThatThrownBy(() -> bucketer.accept(ready("005A", "10:00", "10:20"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(bucketer::finish).isInstanceOf(IllegalStateException.class);
    }
}
