package dev.wfmconnector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceIdsTest {

    @ParameterizedTest
    @CsvSource({
            "001A0000006Vm9r, 001A0000006Vm9rIAC",
            "001A0000006Vm9rIAC, 001A0000006Vm9rIAC",
            "001a0000006vm9riac, 001A0000006Vm9rIAC",
            "00530000003xqAb, 00530000003xqAbAAI",
            "005000000000000, 005000000000000AAA",
            "ZZZZZZZZZZZZZZZ, ZZZZZZZZZZZZZZZ555"
    })
    void widensAndCanonicalises(String id, String expected) {
        assertThat(SalesforceIds.to18(id)).isEqualTo(expected);
        assertThat(SalesforceIds.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "005", "00530000003xqA", "00530000003xqAb1", "00530000003xq-b", "001A0000006Vm9rIA!",
            "0010000000000005AA"})
    void refusesWhatIsNoId(String id) {
        assertThat(SalesforceIds.isValid(id)).isFalse();
        assertThatThrownBy(() -> SalesforceIds.to18(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void nullIsNoId() {
        assertThat(SalesforceIds.isValid(null)).isFalse();
    }
}
