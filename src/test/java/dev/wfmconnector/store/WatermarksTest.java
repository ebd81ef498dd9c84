package dev.wfmconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

class WatermarksTest {

    private static final Instant T10 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T11 = Instant.parse("2026-11-24T11:00:00Z");

    @OnBothDatabases
    void aGroupHasNoWatermarkBeforeItsFirstSuccessfulRun(TestDatabase db) {
        assertThat(new Watermarks(db.jdbc()).find("emea")).isEmpty();
    }

    @OnBothDatabases
    void theWatermarkOnlyMovesForward(TestDatabase db) {
        Watermarks watermarks = new Watermarks(db.jdbc());

        watermarks.advance("emea", T10);
        assertThat(watermarks.find("emea")).contains(T10);

        watermarks.advance("emea", T11);
        assertThat(watermarks.find("emea")).contains(T11);

        watermarks.advance("emea", T10);
        assertThat(watermarks.find("emea")).contains(T11);
    }

    @OnBothDatabases
    void groupsAreSeparateAndComparedCaseInsensitively(TestDatabase db) {
        Watermarks watermarks = new Watermarks(db.jdbc());

        watermarks.advance(" EMEA ", T10);
        watermarks.advance("apac", T11);

        assertThat(watermarks.find("emea")).contains(T10);
        assertThat(watermarks.find("Emea")).contains(T10);
        assertThat(watermarks.find("apac")).contains(T11);
        assertThat(db.count("watermarks")).isEqualTo(2);
    }
}
