package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.output.TestReceiver.Request;
import dev.wfmconnector.output.TestReceiver.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The HTTP output against a real local receiver, through direct:publish (test context: 5 attempts, backoff from
 * 10 ms to at most 2 s).
 */
class HttpOutputTest extends OutputsContextTest {
    private static final String QUEUE_ID = "00GHs00000XyZaBMAV";

    @Autowired
    MeterRegistry meters;

    @Test
    void aBatchRetriedAfterThree503sIsDeliveredOnceWithTheSameIdempotencyKeyOnEveryAttempt() throws Exception {
        List<Envelope> envelopes = List.of(
                TestEnvelopes.queueInterval("http-503", QUEUE_ID, 0), TestEnvelopes.queueInterval("http-503", QUEUE_ID, 1));
        RECEIVER.answer(new Response(503, null, ""), new Response(503, null, ""), new Response(503, null, ""));
        int deadLettersBefore = deadLetters.list().size();

        publisher.publish(envelopes);

        List<Request> requests = RECEIVER.requests();
        assertThat(requests).hasSize(4);
        String expectedKey = sha256Hex("http-503|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:00:00Z|1\n"
                + "http-503|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:15:00Z|1");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/wfm/queue-interval");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.idempotencyKey()).isEqualTo(expectedKey);
            assertThat(r.body()).isEqualTo("[" + EnvelopeJson.write(envelopes.get(0)) + ","
                    + EnvelopeJson.write(envelopes.get(1)) + "]");
        });
        assertThat(deadLetters.list()).hasSize(deadLettersBefore);
    }

    @Test
    void aBatchAnswered400IsADeadLetterAtOnce() {
        Envelope envelope = TestEnvelopes.agent("http-400", "005Hs00000AbCdEIAX");
        RECEIVER.answer(new Response(400, null, "{\"error\":\"unknown field\"}"));
        double deadLettered = meters.counter("wfm.output.dead.letters", "output", "http", "type", "agent").count();

        publisher.publish(List.of(envelope));

        assertThat(RECEIVER.requests()).hasSize(1);
        DeadLetter letter = lastDeadLetter();
        assertThat(letter.type()).isEqualTo("agent");
        assertThat(letter.lastStatus()).isEqualTo(400);
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.reason()).isEqualTo("HTTP 400: {\"error\":\"unknown field\"} (not retried)");
        assertThat(letter.body()).isEqualTo("[" + EnvelopeJson.write(envelope) + "]");
        assertThat(meters.counter("wfm.output.dead.letters", "output", "http", "type", "agent").count())
                .isEqualTo(deadLettered + 1);
    }

    @Test
    void aBatchTheReceiverNeverTakesIsKeptInTheDeadLetterStoreReadyToBeDeliveredAgain() throws Exception {
        List<Envelope> envelopes = List.of(TestEnvelopes.agent("http-down", "005Hs00000AbCdEIAX"),
                TestEnvelopes.agent("http-down", "005Hs00000AbCdFIAX"));
        RECEIVER.stop();
        try {
            publisher.publish(envelopes);  // returns: the batch was taken, into the dead-letter store
        } finally {
            RECEIVER.start();
        }

        DeadLetter letter = lastDeadLetter();
        assertThat(letter.output()).isEqualTo("http");
        assertThat(letter.type()).isEqualTo("agent");
        assertThat(letter.url()).isEqualTo(RECEIVER.url() + "/agent");
        assertThat(letter.records()).isEqualTo(2);
        assertThat(letter.attempts()).isEqualTo(5);
        assertThat(letter.lastStatus()).isNull();
        assertThat(letter.reason()).startsWith("gave up after 5 attempts; last: ConnectException");
        String expectedKey = sha256Hex("http-down|agent|005Hs00000AbCdEIAX|2\nhttp-down|agent|005Hs00000AbCdFIAX|2");
        assertThat(letter.idempotencyKey()).isEqualTo(expectedKey);

        // redeliver from the store alone once the receiver is back
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(letter.url()))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", letter.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(letter.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Request redelivered = RECEIVER.requests().get(0);
        assertThat(keysIn(redelivered.body())).containsExactly("http-down|agent|005Hs00000AbCdEIAX", "http-down|agent|005Hs00000AbCdFIAX");
        assertThat(redelivered.idempotencyKey()).isEqualTo(expectedKey);
    }

    @Test
    void a429IsRetriedAfterTheReceiversRetryAfter() {
        RECEIVER.answer(new Response(429, "1", ""));

        publisher.publish(List.of(TestEnvelopes.agent("http-429", "005Hs00000AbCdEIAX")));

        List<Request> requests = RECEIVER.requests();
        assertThat(requests).hasSize(2);
        long waitedMillis = (requests.get(1).receivedNanos() - requests.get(0).receivedNanos()) / 1_000_000;
        assertThat(waitedMillis).as("Retry-After: 1 instead of the 10 ms backoff").isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void envelopesArePostedPerTypeInBatchesOfAtMost500InRecordOrder() {
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            envelopes.add(TestEnvelopes.queueInterval("http-batches", QUEUE_ID, i));
            if (i == 10 || i == 600) {
                envelopes.add(TestEnvelopes.agent("http-batches", "005Hs00000AbCd" + i));
            }
        }

        publisher.publish(envelopes);

        List<Request> requests = RECEIVER.requests();
        assertThat(requests).extracting(Request::path)
                .containsExactly("/wfm/queue-interval", "/wfm/queue-interval", "/wfm/queue-interval", "/wfm/agent");
        List<String> queueIntervalKeys = new ArrayList<>();
        requests.subList(0, 3).forEach(r -> queueIntervalKeys.addAll(keysIn(r.body())));
        assertThat(requests.subList(0, 3)).extracting(r -> keysIn(r.body()).size()).containsExactly(500, 500, 1);
        assertThat(queueIntervalKeys).containsExactlyElementsOf(
                envelopes.stream().filter(e -> e.type().equals("queue-interval")).map(Envelope::key).toList());
        assertThat(keysIn(requests.get(3).body())).containsExactly("http-batches|agent|005Hs00000AbCd10", "http-batches|agent|005Hs00000AbCd600");
        assertThat(requests).extracting(Request::idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void attemptsRetriesAndDeliveredRecordsAreCounted() {
        double attempts = meters.counter("wfm.output.http.attempts", "type", "agent").count();
        double retries = meters.counter("wfm.output.http.retries", "type", "agent").count();
        double published = meters.counter("wfm.records.published", "output", "http", "type", "agent").count();
        RECEIVER.answer(new Response(500, null, ""));

        publisher.publish(List.of(TestEnvelopes.agent("http-count", "005Hs00000AbCdEIAX")));

        assertThat(meters.counter("wfm.output.http.attempts", "type", "agent").count()).isEqualTo(attempts + 2);
        assertThat(meters.counter("wfm.output.http.retries", "type", "agent").count()).isEqualTo(retries + 1);
        assertThat(meters.counter("wfm.records.published", "output", "http", "type", "agent").count()).isEqualTo(published + 1);
    }

    private DeadLetter lastDeadLetter() {
        List<DeadLetter> all = deadLetters.list();
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

    private static List<String> keysIn(String jsonArray) {
        List<String> keys = new ArrayList<>();
        Matcher m = KEY.matcher(jsonArray);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
