package dev.wfmconnector.api;

import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.users.UserImportQueue;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * User imports started through the management API (SPEC §7, §8): {@code POST} queues a run behind any run in
 * progress (202 with its id and Location; 409 when the integration is DISABLED); {@code GET .../runs/{id}} shows
 * its state (QUEUED, RUNNING, SUCCEEDED, FAILED) and counts. A run queued while the integration is FAILED runs once
 * it runs again.
 */
@RestController
@RequestMapping("/api/integrations/user-import/{group}/runs")
class UserImportRunsController {

    private final IntegrationStates states;
    private final UserImportQueue queue;

    UserImportRunsController(IntegrationStates states, UserImportQueue queue) {
        this.states = states;
        this.queue = queue;
    }

    @PostMapping
    ResponseEntity<Map<String, Long>> start(@PathVariable String group) {
        if (!states.isEnabled(IntegrationType.USER_IMPORT, group)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "user-import \"" + group
                    + "\" is DISABLED; enable it (PUT /api/integrations/user-import/" + group
                    + "/status) to start a run");
        }
        return RunView.accepted(queue.requested(group).id());
    }

    @GetMapping("/{id}")
    RunView run(@PathVariable String group, @PathVariable long id) {
        states.get(IntegrationType.USER_IMPORT, group); // 404 when no such integration is configured
        return queue.find(group, id).map(RunView::of).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "user-import \"" + group + "\" has no run " + id));
    }
}
