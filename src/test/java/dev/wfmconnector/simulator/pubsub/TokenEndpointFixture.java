package dev.wfmconnector.simulator.pubsub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wfmconnector.simulator.auth.AccessTokens;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST ONLY: the smallest OAuth endpoint camel-salesforce logs in with (client credentials) until the simulator's
 * real OAuth server is merged. Serves {@code POST /services/oauth2/token} and {@code GET /services/oauth2/revoke}
 * on one loopback port that is both the login and the instance URL.
 */
final class TokenEndpointFixture implements AutoCloseable {

    static final String USER_ID = "005000000000002AAA";

    private final HttpServer server;
    private final AccessTokens tokens;
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger revocations = new AtomicInteger();

    TokenEndpointFixture(AccessTokens tokens) throws IOException {
        this.tokens = tokens;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/services/oauth2/token", this::token);
        server.createContext("/services/oauth2/revoke", this::revoke);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int logins() {
        return logins.get();
    }

    int revocations() {
        return revocations.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{}");
            return;
        }
        logins.incrementAndGet();
        respond(exchange, 200, """
                {"access_token": "%s", "instance_url": "%s", "id": "%s/id/%s/%s", "token_type": "Bearer",
                 "issued_at": "%d", "signature": "c2ltdWxhdG9y"}""".formatted(
                tokens.issue(), url(), url(), tokens.orgId(), USER_ID, System.currentTimeMillis()));
    }

    private void revoke(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("token=")) {
            tokens.revoke(URLDecoder.decode(query.substring("token=".length()), StandardCharsets.UTF_8));
            revocations.incrementAndGet();
        }
        respond(exchange, 200, "");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
