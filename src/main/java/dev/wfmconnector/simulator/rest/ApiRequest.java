package dev.wfmconnector.simulator.rest;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the simulator reads it: method, path (without trailing slash), parameters from the query
 * string and a form body, and headers. Its parameters may hold secrets and tokens: never log them.
 */
record ApiRequest(String method, String path, Map<String, String> params, HttpExchange exchange) {

    static ApiRequest of(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Map<String, String> params = new HashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), params);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            parse(new String(body, StandardCharsets.UTF_8), params);
        }
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, params, exchange);
    }

    String param(String name) {
        return params.get(name);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    boolean fromLoopback() {
        return exchange.getRemoteAddress().getAddress().isLoopbackAddress();
    }

    private static void parse(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }
}
