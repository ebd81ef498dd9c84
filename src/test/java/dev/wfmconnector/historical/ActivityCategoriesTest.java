package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityCategoriesTest {

    private static final ActivityCategories CATEGORIES = new ActivityCategories(
            ActivityCategories.parseList("Admin; Email"), ActivityCategories.parseList("Idle"),
            ActivityCategories.parseList("Not ready;; Training ;"), ActivityCategories.parseList("Ready; On call"));

    @Test
    void listsAreSplitOnSemicolonsTrimmedAndEmptyEntriesDropped() {
        assertThat(ActivityCategories.parseList(" Admin ;; Email;  ;")).containsExactly("Admin", "Email");
        assertThat(ActivityCategories.parseList("")).isEmpty();
        assertThat(ActivityCategories.parseList(null)).isEmpty();
    }

    @ParameterizedTest(name = "label {0}, API name {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "ON CALL,     -,         READY",
        "' ready ',   -,         READY",
        "-,           email,     ADMIN",
        "training,    Ready,     NOT_READY",
        "Coffee,      Idle,      IDLE",
        "Lunch,       Lunch,     UNMAPPED",
        "-,           -,         UNMAPPED",
        "offline,     -,         OFFLINE",
        "-,           Offline,   OFFLINE",
    })
    void anActivityIsMatchedByLabelThenApiNameIgnoringCase(String label, String apiName, Category expected) {
        assertThat(CATEGORIES.categoryOf(label, apiName)).isEqualTo(expected);
    }
}
