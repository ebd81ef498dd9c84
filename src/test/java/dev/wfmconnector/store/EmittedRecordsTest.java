package dev.wfmconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

class EmittedRecordsTest {

    private static final Instant T10 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T1015 = Instant.parse("2026-11-24T10:15:00Z");
    private static final Instant T1030 = Instant.parse("2026-11-24T10:30:00Z");
    private static final Instant PUBLISHED = Instant.parse("2026-11-24T10:47:00Z");
    private static final String DIGEST = "a".repeat(64);

    private static EmittedRecord queueInterval(String queue, Instant start, long revision, String digest) {
        return new EmittedRecord("emea|queue-interval|" + queue + "|" + start, revision, digest, start, PUBLISHED);
    }

    @OnBothDatabases
    void aRunFindsTheRecordsOfItsWindow(TestDatabase db) {
        EmittedRecords records = new EmittedRecords(db.jdbc());
        EmittedRecord before = queueInterval("00G1", T10.minus(Duration.ofMinutes(15)), 1, DIGEST);
        EmittedRecord atStart = queueInterval("00G1", T10, 1, DIGEST);
        EmittedRecord inside = queueInterval("00G2", T1015, 3, "b".repeat(64));
        EmittedRecord atEnd = queueInterval("00G1", T1030, 1, DIGEST);
        EmittedRecord agent = new EmittedRecord("emea|agent|005000000000000001", 1, DIGEST, null, PUBLISHED);
        records.save("emea", List.of(before, atStart, inside, atEnd, agent));
        records.save("apac", List.of(queueInterval("00G9", T10, 1, DIGEST)));

        Map<String, EmittedRecord> window = records.inWindow("EMEA", T10, T1030);

        assertThat(window).containsOnlyKeys(atStart.key(), inside.key());
        assertThat(window.get(inside.key())).isEqualTo(inside);
    }

    @OnBothDatabases
    void aRepublishedRecordReplacesItsRevisionAndDigest(TestDatabase db) {
        EmittedRecords records = new EmittedRecords(db.jdbc());
        EmittedRecord first = queueInterval("00G1", T10, 1, DIGEST);
        records.save("emea", List.of(first));

        EmittedRecord second = new EmittedRecord(first.key(), 2, "c".repeat(64), T10, PUBLISHED.plusSeconds(900));
        records.save("emea", List.of(second));

        assertThat(records.find("emea", List.of(first.key(), "emea|queue-interval|never"))).containsExactly(
                Map.entry(first.key(), second));
        assertThat(db.count("emitted_records")).isEqualTo(1);
    }

    @OnBothDatabases
    void manyKeysAreFoundInBatches(TestDatabase db) {
        EmittedRecords records = new EmittedRecords(db.jdbc());
        List<EmittedRecord> published = IntStream.range(0, 1100)
                .mapToObj(n -> queueInterval("00G" + n, T10, 1, DIGEST)).toList();
        records.save("emea", published);

        Map<String, EmittedRecord> found = records.find("emea", published.stream().map(EmittedRecord::key).toList());

        assertThat(found).hasSize(1100);
    }

    @OnBothDatabases
    void digestsAreKeptForTheLookbackPlusSevenDays(TestDatabase db) {
        EmittedRecords records = new EmittedRecords(db.jdbc());
        Duration lookback = Duration.ofHours(2);
        Instant now = T10;
        Instant cutoff = now.minus(lookback).minus(Duration.ofDays(7));
        EmittedRecord old = queueInterval("00G1", cutoff.minus(Duration.ofMinutes(15)), 1, DIGEST);
        EmittedRecord kept = queueInterval("00G1", cutoff, 1, DIGEST);
        EmittedRecord oldWithoutInterval = new EmittedRecord("emea|agent|1", 1, DIGEST, null, cutoff.minusSeconds(1));
        EmittedRecord recentWithoutInterval = new EmittedRecord("emea|agent|2", 1, DIGEST, null, now);
        records.save("emea", List.of(old, kept, oldWithoutInterval, recentWithoutInterval));
        records.save("apac", List.of(old));

        assertThat(records.prune("emea", now, lookback)).isEqualTo(2);

        assertThat(records.find("emea", List.of(old.key(), kept.key(), oldWithoutInterval.key(),
                recentWithoutInterval.key()))).containsOnlyKeys(kept.key(), recentWithoutInterval.key());
        assertThat(records.find("apac", List.of(old.key()))).containsOnlyKeys(old.key());
    }
}
