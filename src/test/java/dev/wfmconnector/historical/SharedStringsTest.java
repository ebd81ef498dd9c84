package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedStringsTest {

    private final SharedStrings shared = new SharedStrings();

    private String of(String text) {
        char[] chars = ("<<" + text + ">>").toCharArray();
        return shared.of(chars, 2, text.length());
    }

    @Test
    void equalTextIsOneStringAndDifferentTextIsNot() {
        String first = of("005000000000001AAA");
        assertThat(of("005000000000001AAA")).isEqualTo("005000000000001AAA").isSameAs(first);
        assertThat(of("005000000000002AAA")).isEqualTo("005000000000002AAA").isNotSameAs(first);
        // "Aa" and "BB" have the same hash code
        assertThat(of("Aa")).isEqualTo("Aa");
        assertThat(of("BB")).isEqualTo("BB");
        assertThat(of("Aa")).isEqualTo("Aa");
    }

    @Test
    void manyDistinctValuesStayCorrectWhenThePoolStartsOver() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            values.add("0Bz" + i);
        }
        for (String value : values) {
            assertThat(of(value)).isEqualTo(value);
        }
        String recent = of("0Bz19999");
        assertThat(of("0Bz19999")).isSameAs(recent);
    }
}
