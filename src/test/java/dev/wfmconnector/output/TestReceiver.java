package dev.wfmconnector.output;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A real local HTTP receiver for the HTTP output: records every request and answers with scripted responses
 * (then 200). It can be stopped (connection refused) and started again on the same port.
 */
final class TestReceiver {

    record Request(String path, String contentType, String idempotencyKey, String body, long receivedNanos) {
    }

    record Response(int status, String retryAfter, String body) {
    }

    private final Deque<Response> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final int port;
    private HttpServer server;

    TestReceiver() {
        server = bind(0);
        port = server.getAddress().getPort();
        server.start();
    }

    /** Base URL of the HTTP output, e.g. {@code http://127.0.0.1:40123/wfm}. */
    String url() {
        return "http://127.0.0.1:" + port + "/wfm";
    }

    synchronized void reset() {
        script.clear();
        requests.clear();
    }

    /** Answers the next requests with these responses, then with 200. */
    synchronized void answer(Response... responses) {
        script.addAll(List.of(responses));
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    void stop() {
        server.stop(0);
    }

    void start() {
        server = bind(port);
        server.start();
    }

    private HttpServer bind(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            s.createContext("/", this::handle);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Response response;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), body, System.nanoTime()));
            response = script.isEmpty() ? new Response(200, null, "") : script.poll();
        }
        if (response.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", response.retryAfter());
        }
        byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }
}
