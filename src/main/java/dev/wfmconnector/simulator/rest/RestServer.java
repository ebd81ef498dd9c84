package dev.wfmconnector.simulator.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wfmconnector.simulator.SimulatorFaults;
import dev.wfmconnector.simulator.auth.AccessTokens;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated org's HTTP server on loopback (the JDK's HttpServer): it is both the login host and the
 * instance host. Serves OAuth, the REST API (every versioned call needs a valid Bearer token; faults and the daily
 * API allocation apply), and the admin API. Logs name method and path only, never a query string, header or body
 * (they carry tokens and secrets).
 */
public final class RestServer implements AutoCloseable {

    /** How the server answers; {@code clients} maps accepted OAuth client ids to their secrets. */
    public record Settings(int port, ApiVersions versions, int pageSize, Map<String, String> clients,
                           int dailyApiRequests, Duration cursorIdleTimeout, int maxOpenCursors,
                           boolean loginDomainHost, int threads) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String DATA = "/services/data";

    private final Settings settings;
    private final AccessTokens tokens;
    private final RestFaults restFaults;
    private final ApiUsage usage;
    private final OAuthEndpoint oauth;
    private final DataEndpoint data;
    private final AdminEndpoint admin;
    private HttpServer server;
    private HttpServer loginDomainServer;
    private ExecutorService executor;

    public RestServer(Settings settings, SimulatedOrg org, AccessTokens tokens, RestFaults restFaults,
                      SimulatorFaults faults) {
        this.settings = settings;
        this.tokens = tokens;
        this.restFaults = restFaults;
        this.usage = new ApiUsage(org.clock(), settings.dailyApiRequests());
        this.oauth = new OAuthEndpoint(settings.clients(), tokens, org, this::baseUrl);
        QueryCursors cursors = new QueryCursors(org.clock(), settings.cursorIdleTimeout(), settings.maxOpenCursors(),
                () -> org.newId(OrgSchema.QUERY_LOCATOR_PREFIX));
        this.data = new DataEndpoint(org, cursors, usage, settings.pageSize());
        this.admin = new AdminEndpoint(org, faults);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        executor = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        server = listen(settings.port(), exchange -> handle(exchange, false));
        if (settings.loginDomainHost()) {
            loginDomainServer = listen(0, exchange -> handle(exchange, true));
        }
        LOG.info("Salesforce org simulator listening at {}", baseUrl());
    }

    /** REST API calls counted against the org's daily allocation today (UTC, by the org's clock). */
    public int apiRequestsUsed() {
        return usage.used();
    }

    /** {@code http://127.0.0.1:<port>}: login URL and instance URL alike. */
    public String baseUrl() {
        return url(server);
    }

    /** A host that behaves like login.salesforce.com (refuses client credentials), or null when not enabled. */
    public String loginDomainUrl() {
        return loginDomainServer == null ? null : url(loginDomainServer);
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        if (loginDomainServer != null) {
            loginDomainServer.stop(0);
        }
        executor.shutdownNow();
        server = null;
        loginDomainServer = null;
    }

    private HttpServer listen(int port, com.sun.net.httpserver.HttpHandler handler) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            http.createContext("/", handler);
            http.setExecutor(executor);
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + port, e);
        }
    }

    private static String url(HttpServer http) {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, boolean loginDomain) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        ApiResponse response;
        try {
            ApiRequest request = ApiRequest.of(exchange);
            response = loginDomain ? loginDomain(request) : route(request);
        } catch (ApiError e) {
            response = ApiResponse.error(e);
        } catch (IllegalArgumentException e) {
            response = path.startsWith("/services/oauth2/")
                    ? OAuthEndpoint.oauthError("invalid_request", "malformed request")
                    : ApiResponse.error(new ApiError(400, "MALFORMED_REQUEST", "The request is not correctly encoded"));
        } catch (RuntimeException e) {
            LOG.warn("Simulator failed answering {} {}", method, path, e);
            response = ApiResponse.error(new ApiError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred"));
        }
        LOG.debug("{} {} -> {}", method, path, response.status());
        send(exchange, method, response);
    }

    private ApiResponse loginDomain(ApiRequest request) {
        if (request.path().equals("/services/oauth2/token")) {
            return oauth.token(request, true);
        }
        throw ApiError.notFound();
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        if (path.startsWith("/__admin/")) {
            return admin.handle(request);
        }
        pause(restFaults.delay());
        switch (path) {
            case "/services/oauth2/token":
                return oauth.token(request, false);
            case "/services/oauth2/revoke":
                return oauth.revoke(request);
            case DATA:
                apiCall(path);
                return ApiResponse.json(settings.versions().listing());
            default:
                break;
        }
        if (!path.startsWith(DATA + "/")) {
            throw ApiError.notFound();
        }
        String[] segments = path.substring(DATA.length() + 1).split("/");
        double version = settings.versions().served(segments[0]);
        if (version < 0) {
            throw ApiError.notFound();
        }
        authenticate(request);
        apiCall(path);
        return data.handle(request, version, Arrays.copyOfRange(segments, 1, segments.length))
                .withHeader("Sforce-Limit-Info", "api-usage=" + usage.used() + "/" + usage.dailyMax());
    }

    private void authenticate(ApiRequest request) {
        String authorization = request.header("Authorization");
        String token = null;
        if (authorization != null) {
            String[] parts = authorization.trim().split("\\s+", 2);
            if (parts.length == 2 && (parts[0].equalsIgnoreCase("Bearer") || parts[0].equalsIgnoreCase("OAuth"))) {
                token = parts[1];
            }
        }
        if (!tokens.isValid(token)) {
            throw ApiError.invalidSession();
        }
    }

    /** Applies a pending REST fault and the daily allocation to one API call. */
    private void apiCall(String path) {
        RestFaults.Failure failure = restFaults.takeFailure(path);
        if (failure == RestFaults.Failure.SERVER_UNAVAILABLE) {
            throw new ApiError(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable, please try again later");
        }
        if (failure == RestFaults.Failure.REQUEST_LIMIT_EXCEEDED || !usage.count()) {
            throw new ApiError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, String method, ApiResponse response) throws IOException {
        try (exchange) {
            byte[] body = response.body();
            if (body.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            boolean noBody = body.length == 0 || method.equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sf-simulator-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
