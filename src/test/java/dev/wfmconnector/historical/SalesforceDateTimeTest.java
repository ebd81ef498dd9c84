package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceDateTimeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-11-24T10:00:00.000+0000,  2026-11-24T10:00:00Z",
        "2026-11-24T10:00:00.123+0000,  2026-11-24T10:00:00.123Z",
        "2026-11-24T10:00:00.000Z,      2026-11-24T10:00:00Z",
        "2026-11-24T10:00:00Z,          2026-11-24T10:00:00Z",
        "2026-11-24T10:00:00.5+00:00,   2026-11-24T10:00:00.500Z",
        "2026-11-24T10:00:00.123456789Z, 2026-11-24T10:00:00.123Z",
        "2026-11-24T15:30:00.000+0530,  2026-11-24T10:00:00Z",
        "2026-11-24T04:30:00.000-05:30, 2026-11-24T10:00:00Z",
        "2026-11-24T10:00:00,           2026-11-24T10:00:00Z",
        "2026-11-24 10:00:00.000+0000,  2026-11-24T10:00:00Z",
        "2028-02-29T23:59:59.999+0000,  2028-02-29T23:59:59.999Z",
        "1969-12-31T23:59:59.999+0000,  1969-12-31T23:59:59.999Z",
    })
    void readsSalesforceDatetimes(String text, Instant expected) {
        assertThat(SalesforceDateTime.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "abc", "2026-11-24", "2026-02-29T10:00:00.000+0000", "2026-13-01T10:00:00.000+0000",
        "2026-11-24T24:00:00.000+0000", "2026-11-24T10:60:00.000+0000", "2026-11-24T10:00:00.+0000",
        "2026-11-24T10:00:00.000+00", "2026-11-24T10:00:00.000X", "2026-11-24T10:00:00.000+0000 ",
        "2026/11/24T10:00:00.000+0000", "2026-11-24T10:00:0a.000+0000", "2026-11-24T10:00:00.000+2500",
        "20x6-11-24T10:00:00.000+0000", "2026-11-24T10:00:00.000+05:3", "2026-11-24T10:00:00.000+0:30"})
    void rejectsWhatIsNotADatetime(String text) {
        assertThat(SalesforceDateTime.parse(text)).isNull();
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsAndOffsets() {
        Random random = new Random(7);
        DateTimeFormatter salesforce = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-2_208_988_800_000L, 4_102_444_800_000L));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 900);
            String text = OffsetDateTime.ofInstant(instant, offset).format(salesforce);
            assertThat(SalesforceDateTime.parse(text)).as(text).isEqualTo(instant);
        }
    }
}
