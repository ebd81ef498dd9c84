package dev.wfmconnector.status;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.store.RealtimeGates;
import dev.wfmconnector.store.ReportedState;
import dev.wfmconnector.store.ReportedStates;
import dev.wfmconnector.store.StatusToggle;
import dev.wfmconnector.store.StatusToggles;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The state of every configured integration, shown by the management API and the {@code integrations} health
 * indicator. The integration runtimes report what they do with {@link #running}, {@link #waitingForHistorical} and
 * {@link #failed}; a status set through the API ({@link #setStatus}) is persisted, overrides the configuration until
 * set again, and is announced with an {@link IntegrationStatusChanged} event so the runtime starts or stops it.
 *
 * <p>At start-up a disabled integration is DISABLED, an enabled realtime integration whose gate is closed is
 * WAITING_FOR_HISTORICAL, and any other enabled one RUNNING. Reports about a disabled integration are ignored. Reasons
 * are shown as given except that configured client secrets are masked; never put a token in one.
 *
 * <p>Several replicas share one store, and only the pod that leads a group runs its integrations: reports are stored,
 * and for a group this pod does not lead ({@link #leading}) an enabled integration shows the state its leader last
 * reported. Statuses set through another pod's API are taken up by {@link #refreshToggles}.
 */
@Component
public class IntegrationStates {

    /** Shown instead of a secret. */
    public static final String MASK = "******";

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationStates.class);

    private final ConnectorSettings settings;
    private final StatusToggles toggles;
    private final RealtimeGates gates;
    private final ReportedStates reported;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, IntegrationStatus> statuses = new LinkedHashMap<>();
    /** Groups (normalised) whose integrations run on this pod. */
    private final Set<String> ledGroups = new HashSet<>();
    private final List<String> secrets;

    public IntegrationStates(ConnectorSettings settings, StatusToggles toggles, RealtimeGates gates,
                             ReportedStates reported, ApplicationEventPublisher events) {
        this.settings = settings;
        this.toggles = toggles;
        this.gates = gates;
        this.reported = reported;
        this.events = events;
        this.secrets = settings.all().stream()
                .map(i -> i.access() == null ? null : i.access().clientSecret())
                .filter(s -> s != null && !s.isBlank())
                .distinct()
                .toList();
        for (IntegrationSettings integration : settings.all()) {
            IntegrationStatus configured = new IntegrationStatus(integration.type(), integration.group(),
                    integration.enabled(), null, null, IntegrationState.DISABLED, null, clock.instant());
            IntegrationStatus status = toggles.find(integration.type(), integration.group())
                    .map(t -> configured.withToggle(t.enabled(), t.setAt()))
                    .orElse(configured);
            statuses.put(key(integration.type(), integration.group()), startingState(status));
        }
    }

    /** Every configured integration, in configuration order (historical, realtime, user-import). */
    public List<IntegrationStatus> all() {
        List<IntegrationStatus> known;
        synchronized (this) {
            known = List.copyOf(statuses.values());
        }
        return known.stream().map(this::asLed).toList();
    }

    /**
     * The integration's status; group compared case-insensitively. For a group another pod leads, the state is the
     * one its leader last reported.
     */
    public IntegrationStatus get(IntegrationType type, String group) {
        return asLed(known(type, group));
    }

    /** Whether this pod leads the group, i.e. runs its integrations. */
    public synchronized boolean leads(String group) {
        return ledGroups.contains(ConnectorSettings.normaliseGroup(group));
    }

    /** Whether this pod leads the group, i.e. runs its integrations (the supervisor tells). */
    public synchronized void leading(String group, boolean leading) {
        if (leading) {
            ledGroups.add(ConnectorSettings.normaliseGroup(group));
        } else {
            ledGroups.remove(ConnectorSettings.normaliseGroup(group));
        }
    }

    /** The status as this pod knows it. */
    private synchronized IntegrationStatus known(IntegrationType type, String group) {
        IntegrationStatus status = statuses.get(key(type, group));
        if (status == null) {
            throw unknown(type, group);
        }
        return status;
    }

    /**
     * An enabled integration of a group another pod leads is in the state its leader last reported (as this pod
     * knows it when nothing was reported yet, or the store cannot be read).
     */
    private IntegrationStatus asLed(IntegrationStatus status) {
        synchronized (this) {
            if (!status.enabled() || ledGroups.contains(ConnectorSettings.normaliseGroup(status.group()))) {
                return status;
            }
        }
        try {
            return reported.find(status.type(), status.group())
                    .map(r -> status.withState(IntegrationState.valueOf(r.state()), r.reason(), r.since()))
                    .orElse(status);
        } catch (RuntimeException e) {
            LOG.debug("Reading the reported state of {} \"{}\" failed: {}", status.type().wireName(), status.group(),
                    e.getMessage());
            return status;
        }
    }

    /** Whether the integration is enabled (by the API, else by configuration): the runtime starts only these. */
    public boolean isEnabled(IntegrationType type, String group) {
        return known(type, group).enabled();
    }

    /** The runtime scheduled (historical, user-import) or subscribed (realtime) the integration and it is healthy. */
    public void running(IntegrationType type, String group) {
        report(type, group, IntegrationState.RUNNING, null);
    }

    /** The realtime integration waits for its group's first successful historical run. */
    public void waitingForHistorical(IntegrationType type, String group) {
        report(type, group, IntegrationState.WAITING_FOR_HISTORICAL, null);
    }

    /** The integration stopped on a problem, e.g. bad credentials or an unsupported API version. */
    public void failed(IntegrationType type, String group, String reason) {
        report(type, group, IntegrationState.FAILED, Objects.requireNonNullElse(reason, "unknown error"));
    }

    /**
     * Sets the integration's status through the API: persists it, makes the integration DISABLED or (re)starts it
     * in its starting state, and publishes an {@link IntegrationStatusChanged} when its effective status changed.
     */
    public IntegrationStatus setStatus(IntegrationType type, String group, boolean enabled) {
        known(type, group);  // an unknown integration is refused before anything is stored
        StatusToggle toggle = toggles.set(type, group, enabled);
        IntegrationStatus after = apply(toggle);
        LOG.info("{} \"{}\" set to {} through the API", type.wireName(), after.group(),
                enabled ? "enabled" : "disabled");
        return after;
    }

    /**
     * Takes up the statuses set through another pod's API (replicas share one store, and the pod that leads a group
     * may not be the one that was asked): each stored toggle this pod does not know yet is applied as
     * {@link #setStatus} applies it, event included. The supervisor calls this every few seconds.
     */
    public void refreshToggles() {
        for (StatusToggle toggle : toggles.all()) {
            Optional<IntegrationSettings> configured = settings.find(toggle.type(), toggle.group());
            if (configured.isEmpty()) {
                continue;
            }
            IntegrationStatus known = known(toggle.type(), toggle.group());
            if (!Objects.equals(known.toggledEnabled(), toggle.enabled())
                    || !Objects.equals(known.toggledAt(), toggle.setAt())) {
                IntegrationStatus after = apply(toggle);
                LOG.info("{} \"{}\" was set to {} through another pod's API", toggle.type().wireName(), after.group(),
                        toggle.enabled() ? "enabled" : "disabled");
            }
        }
    }

    private IntegrationStatus apply(StatusToggle toggle) {
        IntegrationStatus before;
        IntegrationStatus after;
        synchronized (this) {
            before = known(toggle.type(), toggle.group());
            IntegrationStatus toggled = before.withToggle(toggle.enabled(), toggle.setAt());
            after = before.enabled() == toggle.enabled() ? toggled : startingState(toggled);
            statuses.put(key(toggle.type(), toggle.group()), after);
        }
        if (before.enabled() != toggle.enabled()) {
            events.publishEvent(new IntegrationStatusChanged(toggle.type(), after.group(), toggle.enabled()));
        }
        return after;
    }

    private IntegrationStatus startingState(IntegrationStatus status) {
        IntegrationState state;
        if (!status.enabled()) {
            state = IntegrationState.DISABLED;
        } else if (status.type() == IntegrationType.REALTIME && !gates.isOpen(status.group())) {
            state = IntegrationState.WAITING_FOR_HISTORICAL;
        } else {
            state = IntegrationState.RUNNING;
        }
        return status.state() == state && status.reason() == null ? status : status.withState(state, null, clock.instant());
    }

    private synchronized void report(IntegrationType type, String group, IntegrationState state, String reason) {
        IntegrationStatus status = known(type, group);
        if (!status.enabled()) {
            LOG.debug("{} \"{}\" is disabled; ignoring the report {}", type.wireName(), status.group(), state);
            return;
        }
        String masked = mask(reason);
        if (status.state() == state && Objects.equals(status.reason(), masked)) {
            return;
        }
        IntegrationStatus now = status.withState(state, masked, clock.instant());
        statuses.put(key(type, group), now);
        if (ledGroups.contains(ConnectorSettings.normaliseGroup(group))) {  // not a runtime that is stopping
            try {
                reported.save(new ReportedState(type, now.group(), state.name(), masked, now.since()));
            } catch (RuntimeException e) {  // the other pods show an older state until the next report
                LOG.warn("Storing the state of {} \"{}\" failed: {}", type.wireName(), now.group(), e.getMessage());
            }
        }
        if (state == IntegrationState.FAILED) {
            LOG.warn("{} \"{}\" FAILED: {}", type.wireName(), status.group(), masked);
        } else {
            LOG.info("{} \"{}\" is {}", type.wireName(), status.group(), state);
        }
    }

    private String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private UnknownIntegrationException unknown(IntegrationType type, String group) {
        String configured = settings.all().stream()
                .map(i -> i.type().wireName() + " \"" + i.group() + "\"")
                .collect(Collectors.joining(", "));
        return new UnknownIntegrationException("no " + type.wireName() + " integration \"" + group
                + "\" is configured; configured: " + (configured.isEmpty() ? "none" : configured));
    }

    private static String key(IntegrationType type, String group) {
        return type.wireName() + "|" + ConnectorSettings.normaliseGroup(group);
    }
}
