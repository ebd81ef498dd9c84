package dev.wfmconnector.api;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.historical.run.HistoricalRunQueue;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.status.IntegrationStatus;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunLog;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs and backfills of a historical integration (SPEC §7, §8): {@code POST .../runs} starts a run now and
 * {@code POST .../backfills} a backfill of a past range, both answering 202 with {@code {"id"}} and a Location;
 * they are queued behind a run in progress, never beside it. {@code GET .../runs/{id}} and
 * {@code GET .../backfills/{id}} show the state (QUEUED, RUNNING, SUCCEEDED, FAILED), progress
 * ({@code intervalsDone}/{@code intervalsTotal}) and counts. 409 for a DISABLED integration, 400 when {@code from}
 * is not before {@code to}, 404 for an unknown group or run. Any pod answers: a run asked for on a pod that does not
 * run the group waits in the shared run log for the pod that does (within a few seconds), and a run asked for while
 * the integration is FAILED runs once it runs again.
 */
@RestController
@RequestMapping("/api/integrations/historical/{group}")
class HistoricalRunsController {

    /** The body of {@code POST .../backfills}: ISO-8601 instants, {@code from} inclusive, {@code to} exclusive. */
    record BackfillRequest(String from, String to) {
    }

    private final IntegrationStates states;
    private final HistoricalRunQueue queue;
    private final RunLog runLog;

    HistoricalRunsController(IntegrationStates states, HistoricalRunQueue queue, RunLog runLog) {
        this.states = states;
        this.queue = queue;
        this.runLog = runLog;
    }

    @PostMapping("/runs")
    ResponseEntity<Map<String, Long>> startRun(@PathVariable String group) {
        return RunView.accepted(queue.now(enabledGroup(group), RunKind.MANUAL));
    }

    @GetMapping("/runs/{id}")
    RunView run(@PathVariable String group, @PathVariable long id) {
        return RunView.of(find(group, id, "run"));
    }

    @PostMapping("/backfills")
    ResponseEntity<Map<String, Long>> startBackfill(@PathVariable String group,
                                                    @RequestBody(required = false) BackfillRequest request) {
        Instant from = instant(request == null ? null : request.from(), "from");
        Instant to = instant(request == null ? null : request.to(), "to");
        if (!from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "\"from\" (" + from + ") must be before \"to\" (" + to + ")");
        }
        return RunView.accepted(queue.backfill(enabledGroup(group), from, to).id());
    }

    @GetMapping("/backfills/{id}")
    RunView backfill(@PathVariable String group, @PathVariable long id) {
        Run run = find(group, id, "backfill");
        if (run.kind() != RunKind.BACKFILL) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "run " + id + " is not a backfill");
        }
        return RunView.of(run);
    }

    /**
     * The group's historical integration, which must be enabled (409 otherwise). It need not run on this pod, nor
     * run at all just now: the run waits in the run log for the pod that runs the group.
     */
    private String enabledGroup(String group) {
        IntegrationStatus status = states.get(IntegrationType.HISTORICAL, group);
        if (!status.enabled()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the historical integration \"" + status.group()
                    + "\" is DISABLED; enable it first (PUT .../status)");
        }
        return status.group();
    }

    private Run find(String group, long id, String what) {
        IntegrationStatus status = states.get(IntegrationType.HISTORICAL, group);
        return runLog.find(id)
                .filter(r -> r.type() == IntegrationType.HISTORICAL
                        && ConnectorSettings.sameGroup(r.group(), status.group()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no " + what + " " + id + " of the historical integration \"" + status.group() + "\""));
    }

    private static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "\"" + field + "\" is required: an ISO-8601 instant like 2026-11-24T00:00:00Z");
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "\"" + field + "\": \"" + text + "\" is not an ISO-8601 instant like 2026-11-24T00:00:00Z");
        }
    }
}
