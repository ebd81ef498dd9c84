package dev.wfmconnector.api;

import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.status.UnknownIntegrationException;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The management API's integrations (SPEC §7): list, detail (group case-insensitive) and status toggle. Behind HTTP
 * basic auth ({@link ApiSecurity}); errors answer as problem details ({@link ApiErrors}).
 */
@RestController
@RequestMapping("/api/integrations")
class IntegrationsController {

    private final IntegrationViews views;
    private final IntegrationStates states;

    IntegrationsController(IntegrationViews views, IntegrationStates states) {
        this.views = views;
        this.states = states;
    }

    @GetMapping
    List<IntegrationView> list() {
        return views.all();
    }

    @GetMapping("/{type}/{group}")
    IntegrationView detail(@PathVariable String type, @PathVariable String group) {
        return views.of(type(type), group);
    }

    @PutMapping("/{type}/{group}/status")
    IntegrationView setStatus(@PathVariable String type, @PathVariable String group, @RequestBody StatusChange change) {
        return views.view(states.setStatus(type(type), group, change.enabled()));
    }

    private static IntegrationType type(String wireName) {
        return Arrays.stream(IntegrationType.values())
                .filter(t -> t.wireName().equalsIgnoreCase(wireName))
                .findFirst()
                .orElseThrow(() -> new UnknownIntegrationException("no integration type \"" + wireName
                        + "\"; expected historical, realtime or user-import"));
    }
}
