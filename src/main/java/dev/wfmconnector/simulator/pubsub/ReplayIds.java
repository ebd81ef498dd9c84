package dev.wfmconnector.simulator.pubsub;

import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * The simulator's replay ids on the wire: 8 bytes, big-endian, of an increasing position in a topic. Clients must
 * treat them as opaque (Salesforce's are too); positions have gaps, so a client cannot compute the next one.
 */
public final class ReplayIds {

    /** Length in bytes of every replay id this server issues. */
    public static final int LENGTH = Long.BYTES;

    private ReplayIds() {
    }

    public static ByteString encode(long position) {
        return ByteString.copyFrom(ByteBuffer.allocate(LENGTH).putLong(position).array());
    }

    /** The position of a replay id, empty when it is not one this server could have issued (wrong length). */
    public static OptionalLong decode(ByteString replayId) {
        if (replayId.size() != LENGTH) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(replayId.asReadOnlyByteBuffer().getLong());
    }
}
