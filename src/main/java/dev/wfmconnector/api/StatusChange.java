package dev.wfmconnector.api;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Body of {@code PUT /api/integrations/{type}/{group}/status}: {@code {"status": "enabled" | "disabled"}}. */
public record StatusChange(String status) {

    /** Whether the body asks to enable; 400 unless the status is enabled or disabled (any case). */
    boolean enabled() {
        String value = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "enabled" -> true;
            case "disabled" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, (status == null ? "no status"
                    : "status \"" + status + "\" is not accepted") + "; expected \"enabled\" or \"disabled\"");
        };
    }
}
