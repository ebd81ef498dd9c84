package dev.wfmconnector.users;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.RunState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The queue of a group's user imports, kept in the run log: the schedule and the management API queue runs, and the
 * group's import route takes them one at a time, oldest first, so runs never overlap.
 */
@Component
public class UserImportQueue {

    private static final Logger LOG = LoggerFactory.getLogger(UserImportQueue.class);
    private static final IntegrationType TYPE = IntegrationType.USER_IMPORT;

    private final RunLog runs;
    private final Clock clock = Clock.systemUTC();

    public UserImportQueue(RunLog runs) {
        this.runs = runs;
    }

    /** Queues a run started through the management API; it runs after those queued or running before it. */
    public Run requested(String group) {
        return runs.queue(TYPE, group, RunKind.MANUAL, null, null, 0, clock.instant());
    }

    /** Queues a scheduled run, unless a run is queued or running already (then this tick is skipped). */
    public void scheduled(String group) {
        List<Run> unfinished = runs.unfinished(TYPE, group);
        if (unfinished.isEmpty()) {
            runs.queue(TYPE, group, RunKind.SCHEDULED, null, null, 0, clock.instant());
        } else {
            LOG.info("user-import \"{}\": scheduled run skipped, run {} is {}", group, unfinished.get(0).id(),
                    unfinished.get(0).state());
        }
    }

    /**
     * Queues the group's first import when no import of it ever succeeded, so the WFM platform has its users as soon
     * as the integration starts rather than at the next scheduled time; as {@link #scheduled}, skipped while a run is
     * queued or running.
     */
    public void firstImportIfNeverSucceeded(String group) {
        if (!runs.anySucceeded(TYPE, group)) {
            LOG.info("user-import \"{}\": no import succeeded yet, the first one runs now", group);
            scheduled(group);
        }
    }

    /** Marks the oldest queued run RUNNING and returns it; empty when none is queued or one is running already. */
    public Optional<Run> startNext(String group) {
        List<Run> unfinished = runs.unfinished(TYPE, group);
        if (unfinished.isEmpty() || unfinished.get(0).state() != RunState.QUEUED) {
            return Optional.empty();
        }
        Run next = unfinished.get(0);
        runs.start(next.id(), null, null, 0, clock.instant());
        return runs.find(next.id());
    }

    /** Fails the runs left RUNNING when the import stopped mid-run (crash, lost leadership); queued runs stay. */
    public void failInterrupted(String group) {
        runs.unfinished(TYPE, group).stream()
                .filter(run -> run.state() == RunState.RUNNING)
                .forEach(run -> runs.fail(run.id(), "interrupted: the connector stopped during the run",
                        clock.instant()));
    }

    /** A user-import run of this group. */
    public Optional<Run> find(String group, long runId) {
        return runs.find(runId).filter(run -> run.type() == TYPE && ConnectorSettings.sameGroup(run.group(), group));
    }
}
