package dev.wfmconnector.historical.run;

import dev.wfmconnector.config.HistoricalSettings;
import dev.wfmconnector.historical.RunPlanner;
import dev.wfmconnector.salesforce.Groups;
import dev.wfmconnector.salesforce.SalesforceOrg;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A historical integration running on this pod: its settings, its connected org, its run planner, the org's
 * describe of the objects it queries (read once: as it starts, or on first use), and whether it is stopping (a run
 * in progress then ends at its next step).
 */
public final class ActiveIntegration {

    private final HistoricalSettings settings;
    private final SalesforceOrg org;
    private final RunPlanner planner;
    private final Map<String, Set<String>> fieldsByObject = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    ActiveIntegration(HistoricalSettings settings, SalesforceOrg org) {
        this.settings = settings;
        this.org = org;
        this.planner = RunPlanner.of(settings.operational());
    }

    public HistoricalSettings settings() {
        return settings;
    }

    /** The group as configured (trimmed): the group of its record keys and envelopes. */
    public String group() {
        return settings.group();
    }

    public String slug() {
        return Groups.slug(settings.group());
    }

    public RunPlanner planner() {
        return planner;
    }

    /** The org's field names of an object, lower case (one describe per object while the integration runs). */
    public Set<String> fields(String sObjectName) {
        return fieldsByObject.computeIfAbsent(sObjectName, name -> org.describeFields(name).stream()
                .map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    void stop() {
        stopping = true;
    }

    /** Throws when the integration is stopping, so a run in progress ends without committing anything more. */
    public void checkRunning() {
        if (stopping) {
            throw new IllegalStateException("the historical integration \"" + group() + "\" stopped during the run");
        }
    }
}
