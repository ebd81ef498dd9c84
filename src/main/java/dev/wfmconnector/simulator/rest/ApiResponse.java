package dev.wfmconnector.simulator.rest;

import java.util.HashMap;
import java.util.Map;

/** An HTTP answer: status, JSON (or empty) body and extra headers. */
record ApiResponse(int status, byte[] body, Map<String, String> headers) {

    static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, body, Map.of());
    }

    static ApiResponse json(Object value) {
        return json(200, SalesforceJson.bytes(value));
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, new byte[0], Map.of());
    }

    static ApiResponse error(ApiError error) {
        Map<String, String> headers = error.status() == 401 ? Map.of("WWW-Authenticate", "Token") : Map.of();
        return new ApiResponse(error.status(), SalesforceJson.errors(error.errorCode(), error.getMessage()), headers);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, Map.copyOf(more));
    }
}
