package dev.wfmconnector.simulator.pubsub;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayIdsTest {

    @Test
    void encodesEightBytesBigEndianAndDecodesBack() {
        ByteString id = ReplayIds.encode(0x0102030405060708L);

        assertThat(id.toByteArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(ReplayIds.decode(id)).hasValue(0x0102030405060708L);
    }

    @Test
    void anIdOfAnotherLengthIsNotOneOfOurs() {
        assertThat(ReplayIds.decode(ByteString.copyFromUtf8("123"))).isEmpty();
        assertThat(ReplayIds.decode(ByteString.EMPTY)).isEmpty();
        assertThat(ReplayIds.decode(ByteString.copyFrom(new byte[9]))).isEmpty();
    }
}
