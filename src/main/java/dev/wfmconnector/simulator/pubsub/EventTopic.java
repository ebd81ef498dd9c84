package dev.wfmconnector.simulator.pubsub;

import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.ProducerEvent;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One topic of the simulated event bus: its Avro schema and the events it retains, in replay order.
 * <p>
 * Positions increase with random gaps from a random origin, so replay ids are increasing but not contiguous.
 * Events older than the retention window are dropped; a replay id at or before the newest dropped event is refused
 * (Salesforce answers such an id with {@code replayid.corrupted}). Thread-safe.
 */
final class EventTopic {

    private static final int MAX_GAP = 16;

    private final String name;
    private final Schema schema;
    private final String schemaId;
    private final Duration retention;
    private final Clock clock;
    private final RandomGenerator random;
    private final List<Stored> events = new ArrayList<>();
    /** Index of the oldest retained event; slots before it held expired events. */
    private int head;
    /** Position of the newest event, or the origin of a topic that never had one. */
    private long tip;
    /** Position of the newest expired event (initially just before the origin); CUSTOM starts must be after it. */
    private long horizon;

    EventTopic(String name, Schema schema, Duration retention, Clock clock, RandomGenerator random) {
        this.name = name;
        this.schema = schema;
        this.schemaId = schemaId(schema);
        this.retention = retention;
        this.clock = clock;
        this.random = random;
        this.tip = 1L << 32 | random.nextInt() & 0xFFFF_FFFFL;
        this.horizon = tip - 1;
    }

    String name() {
        return name;
    }

    Schema schema() {
        return schema;
    }

    /** Salesforce-like schema id: a digest of the schema's canonical form, 22 URL-safe base64 characters. */
    String schemaId() {
        return schemaId;
    }

    /** Platform events ({@code /event/...}) accept publishing; change data capture channels do not. */
    boolean canPublish() {
        return name.startsWith("/event/");
    }

    /** Appends an event published now and returns its position (its replay id is {@link ReplayIds#encode}). */
    synchronized long append(ProducerEvent event) {
        expire();
        tip += 1 + random.nextInt(MAX_GAP);
        ConsumerEvent stored = ConsumerEvent.newBuilder().setEvent(event).setReplayId(ReplayIds.encode(tip)).build();
        events.add(new Stored(tip, clock.instant(), stored));
        return tip;
    }

    /** Position of the newest event (or of the empty topic's origin): where a LATEST subscription starts. */
    synchronized long tip() {
        return tip;
    }

    /** Position an EARLIEST subscription starts after: just before the oldest retained event. */
    synchronized long earliest() {
        expire();
        return head == events.size() ? tip : horizon;
    }

    /** Whether a CUSTOM subscription may start after this position: issued here and not outside retention. */
    synchronized boolean accepts(long position) {
        expire();
        return position > horizon && position <= tip;
    }

    /** Up to {@code max} retained events after {@code position}, in replay order. */
    synchronized List<ConsumerEvent> after(long position, int max) {
        expire();
        int from = firstAfter(position);
        int to = (int) Math.min(events.size(), (long) from + max);
        List<ConsumerEvent> batch = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            batch.add(events.get(i).event());
        }
        return batch;
    }

    private int firstAfter(long position) {
        int low = head;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.get(mid).position() <= position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void expire() {
        Instant oldestKept = clock.instant().minus(retention);
        while (head < events.size() && events.get(head).publishedAt().isBefore(oldestKept)) {
            horizon = events.get(head).position();
            events.set(head++, null);
        }
        if (head > 1024 && head > events.size() / 2) {
            events.subList(0, head).clear();
            head = 0;
        }
    }

    private static String schemaId(Schema schema) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest(SchemaNormalization.toParsingForm(schema).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(long position, Instant publishedAt, ConsumerEvent event) {
    }
}
