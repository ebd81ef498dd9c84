package dev.wfmconnector.users;

import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.StateCommits;
import dev.wfmconnector.store.UserSnapshots;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of a user import (routes/user-import.camel.yaml): take the next queued run, read the {@code User} query
 * page by page, compare with what earlier imports published, then, once the whole read succeeded and the records
 * were published, store the published users with the run in one transaction. A run that fails stores nothing but
 * its failure, so the next run reports every change again.
 */
@Component("userImports")
public class UserImports {

    private static final Logger LOG = LoggerFactory.getLogger(UserImports.class);

    private final UserImportQueue queue;
    private final UserSnapshots snapshots;
    private final StateCommits commits;
    private final RunLog runs;
    private final UserImportMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public UserImports(UserImportQueue queue, UserSnapshots snapshots, StateCommits commits, RunLog runs,
                       UserImportMetrics metrics) {
        this.queue = queue;
        this.snapshots = snapshots;
        this.commits = commits;
        this.runs = runs;
        this.metrics = metrics;
    }

    /** Starts the group's oldest queued run; null when there is none (or one is running). */
    public UserImport begin(String group) {
        return queue.startNext(group).map(run -> {
            LOG.info("user-import \"{}\": run {} ({}) started", group, run.id(), run.kind());
            return new UserImport(group, run.id(), clock.instant(), snapshots.all(group));
        }).orElse(null);
    }

    /** Reads one query page into the run; returns the next page's {@code nextRecordsUrl}, null after the last. */
    public String readPage(InputStream page, @ExchangeProperty(UserImport.PROPERTY) UserImport run) throws IOException {
        UserPage read = UserPageReader.read(page);
        run.read(read);
        metrics.pageRead(run.group(), read);
        runs.progress(run.runId(), run.counts());
        return read.nextRecordsUrl();
    }

    /** The user records to publish, once every page was read. */
    public List<Envelope> changes(@ExchangeProperty(UserImport.PROPERTY) UserImport run) {
        if (run.badRecordCount() > 0) {
            LOG.warn("user-import \"{}\": run {} skipped {} bad User records: {}", run.group(), run.runId(),
                    run.badRecordCount(), String.join("; ", run.badRecords()));
        }
        Instant producedAt = clock.instant();
        return run.changes().stream().map(change -> change.envelope(run.group(), producedAt)).toList();
    }

    /** The records were published: stores the published users and marks the run SUCCEEDED, in one transaction. */
    public void succeeded(@ExchangeProperty(UserImport.PROPERTY) UserImport run) {
        Instant now = clock.instant();
        commits.userImportSucceeded(run.group(), run.runId(), run.published(), run.counts(), now);
        metrics.published(run.group(), run.changes());
        metrics.succeeded(run.group(), Duration.between(run.startedAt(), now));
        Map<String, Long> perChange = run.changes().stream()
                .collect(Collectors.groupingBy(c -> c.change().wireName(), Collectors.counting()));
        LOG.info("user-import \"{}\": run {} SUCCEEDED: {} users read in {} pages, published {}", run.group(),
                run.runId(), run.usersRead(), run.pages(), perChange.isEmpty() ? "nothing" : perChange);
    }

    /** The run failed part-way: only its failure is stored; nothing it read counts as imported. */
    public void failed(@ExchangeProperty(UserImport.PROPERTY) UserImport run,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        Instant now = clock.instant();
        String reason = reason(failure);
        runs.fail(run.runId(), reason, now);
        metrics.failed(run.group(), Duration.between(run.startedAt(), now));
        LOG.warn("user-import \"{}\": run {} FAILED after {} users in {} pages, nothing stored: {}", run.group(),
                run.runId(), run.usersRead(), run.pages(), reason);
    }

    /** The failure as the run log shows it; a Salesforce error with its HTTP status. */
    private static String reason(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof SalesforceException salesforce && salesforce.getStatusCode() > 0) {
            return "Salesforce answered HTTP " + salesforce.getStatusCode() + ": " + message;
        }
        return message;
    }
}
