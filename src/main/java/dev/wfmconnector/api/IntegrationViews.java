package dev.wfmconnector.api;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.config.RealtimeSettings;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.status.IntegrationStatus;
import dev.wfmconnector.store.RealtimeGates;
import dev.wfmconnector.store.ReplayCheckpoints;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.Watermarks;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds {@link IntegrationView}s from the settings, the integration states and the state store. */
@Component
class IntegrationViews {

    /** How many runs a view lists. */
    static final int LAST_RUNS = 10;

    private final ConnectorSettings settings;
    private final IntegrationStates states;
    private final Watermarks watermarks;
    private final RealtimeGates gates;
    private final ReplayCheckpoints checkpoints;
    private final RunLog runs;

    IntegrationViews(ConnectorSettings settings, IntegrationStates states, Watermarks watermarks, RealtimeGates gates,
                     ReplayCheckpoints checkpoints, RunLog runs) {
        this.settings = settings;
        this.states = states;
        this.watermarks = watermarks;
        this.gates = gates;
        this.checkpoints = checkpoints;
        this.runs = runs;
    }

    List<IntegrationView> all() {
        return states.all().stream().map(this::view).toList();
    }

    IntegrationView of(IntegrationType type, String group) {
        return view(states.get(type, group));
    }

    IntegrationView view(IntegrationStatus status) {
        IntegrationSettings integration = settings.find(status.type(), status.group()).orElseThrow();
        String group = status.group();
        IntegrationView.ReplayCheckpointView checkpoint = integration instanceof RealtimeSettings realtime
                ? checkpoints.find(group, realtime.topic())
                        .map(c -> new IntegrationView.ReplayCheckpointView(c.replayIdBase64(), c.updatedAt(),
                                c.gapReportedAt(), c.gapReason()))
                        .orElse(null)
                : null;
        List<RunView> lastRuns = status.type() == IntegrationType.REALTIME ? List.of()
                : runs.latest(status.type(), group, LAST_RUNS).stream().map(RunView::of).toList();
        return new IntegrationView(
                status.type().wireName(),
                group,
                word(status.configuredEnabled()),
                word(status.enabled()),
                status.toggledAt(),
                status.state(),
                status.reason(),
                status.since(),
                SettingsView.of(integration),
                watermarks.find(group).orElse(null),
                gates.openedAt(group).orElse(null),
                checkpoint,
                lastRuns);
    }

    private static String word(boolean enabled) {
        return enabled ? "enabled" : "disabled";
    }
}
