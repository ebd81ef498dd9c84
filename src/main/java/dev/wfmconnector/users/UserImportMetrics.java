package dev.wfmconnector.users;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * User-import metrics, tagged with the group:
 * {@code wfm.user.import.users.read} users read from Salesforce (failed runs included),
 * {@code wfm.user.import.users.skipped} bad records skipped,
 * {@code wfm.user.import.users.published{change}} user records published per change (created, updated, deactivated),
 * {@code wfm.user.import.runs.failed} runs that failed,
 * {@code wfm.user.import.run.duration{outcome}} run durations (succeeded, failed).
 */
@Component
public class UserImportMetrics {

    private final MeterRegistry registry;

    public UserImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void pageRead(String group, UserPage page) {
        registry.counter("wfm.user.import.users.read", "group", group).increment(page.users().size());
        registry.counter("wfm.user.import.users.skipped", "group", group).increment(page.badRecords().size());
    }

    void published(String group, List<UserChange> changes) {
        for (UserChange.Kind kind : UserChange.Kind.values()) {
            long count = changes.stream().filter(c -> c.change() == kind).count();
            registry.counter("wfm.user.import.users.published", "group", group, "change", kind.wireName())
                    .increment(count);
        }
    }

    void succeeded(String group, Duration took) {
        duration(group, "succeeded").record(took);
    }

    void failed(String group, Duration took) {
        registry.counter("wfm.user.import.runs.failed", "group", group).increment();
        duration(group, "failed").record(took);
    }

    private Timer duration(String group, String outcome) {
        return registry.timer("wfm.user.import.run.duration", "group", group, "outcome", outcome);
    }
}
