package dev.wfmconnector.api;

import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunState;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A run or backfill as the management API shows it. */
public record RunView(
        long id,
        RunKind kind,
        RunState state,
        Instant windowFrom,
        Instant windowTo,
        int intervalsDone,
        int intervalsTotal,
        long recordsRead,
        long recordsPublished,
        String error,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt) {

    /**
     * The answer to a request that queued a run: 202 with {@code {"id"}} and, as Location, the request's URL plus
     * {@code /{id}}, where the run's view is.
     */
    static ResponseEntity<Map<String, Long>> accepted(long id) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.accepted().location(location).body(Map.of("id", id));
    }

    public static RunView of(Run run) {
        return new RunView(run.id(), run.kind(), run.state(), run.windowFrom(), run.windowTo(),
                run.counts().intervalsDone(), run.intervalsTotal(), run.counts().recordsRead(),
                run.counts().recordsPublished(), run.error(), run.queuedAt(), run.startedAt(), run.finishedAt());
    }
}
