package dev.wfmconnector.historical.run;

import dev.wfmconnector.config.ConnectorSettings;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The historical integrations running on this pod, by group (compared case-insensitively). */
@Component
public class HistoricalIntegrations {

    private final Map<String, ActiveIntegration> active = new ConcurrentHashMap<>();

    void add(ActiveIntegration integration) {
        active.put(ConnectorSettings.normaliseGroup(integration.group()), integration);
    }

    void remove(String group) {
        active.remove(ConnectorSettings.normaliseGroup(group));
    }

    /** Every historical integration running on this pod. */
    public Collection<ActiveIntegration> all() {
        return active.values();
    }

    public Optional<ActiveIntegration> find(String group) {
        return Optional.ofNullable(active.get(ConnectorSettings.normaliseGroup(group)));
    }

    /** The running integration of the group; throws when it does not run on this pod. */
    public ActiveIntegration get(String group) {
        return find(group).orElseThrow(() -> new IllegalStateException(
                "the historical integration \"" + group + "\" does not run on this pod"));
    }
}
