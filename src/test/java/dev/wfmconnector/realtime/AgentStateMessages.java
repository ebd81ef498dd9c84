package dev.wfmconnector.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jms.core.JmsTemplate;

/**
 * TEST ONLY: a consumer of the JMS queue {@code wfm.agent-state} of the application's broker, on a thread of its
 * own: keeps every message with when it arrived, and rides out a broker restart (retries receiving).
 */
final class AgentStateMessages implements AutoCloseable {

    static final String QUEUE = "wfm.agent-state";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One received agent-state message. */
    record Received(String key, String group, String wfmKey, JsonNode data, long receivedNanos) {
        String replayId() {
            return data.path("replayId").asText();
        }

        String agentId() {
            return data.path("agentId").asText();
        }

        String category() {
            return data.path("category").asText();
        }
    }

    private final JmsTemplate jms;
    private final List<Received> received = new ArrayList<>();
    private final Thread consumer;
    private volatile boolean running = true;

    AgentStateMessages(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(100);
        this.consumer = new Thread(this::consume, "agent-state-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    private void consume() {
        while (running) {
            try {
                Message message = jms.receive(QUEUE);
                if (message instanceof TextMessage text) {
                    long now = System.nanoTime();
                    JsonNode envelope = JSON.readTree(text.getText());
                    synchronized (received) {
                        received.add(new Received(envelope.path("key").asText(), envelope.path("group").asText(),
                                message.getStringProperty("wfmKey"), envelope.path("data"), now));
                    }
                }
            } catch (RuntimeException | JMSException | java.io.IOException e) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The received messages by replay id; fails on a replay id received twice. */
    Map<String, Received> byReplayId() {
        return received().stream().collect(Collectors.toMap(Received::replayId, Function.identity()));
    }

    /** Replay ids received, in arrival order. */
    List<String> replayIds() {
        return new ArrayList<>(received().stream().map(Received::replayId).toList());
    }

    @Override
    public void close() {
        running = false;
        try {
            consumer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
