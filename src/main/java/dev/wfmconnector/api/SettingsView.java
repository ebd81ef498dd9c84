package dev.wfmconnector.api;

import dev.wfmconnector.config.HistoricalSettings;
import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.OperationalSettings;
import dev.wfmconnector.config.RealtimeSettings;
import dev.wfmconnector.config.SalesforceAccess;
import dev.wfmconnector.status.IntegrationStates;
import java.util.LinkedHashMap;
import java.util.Map;

/** An integration's settings as the management API shows them: the client secret is always masked. */
final class SettingsView {

    private SettingsView() {
    }

    static Map<String, Object> of(IntegrationSettings integration) {
        Map<String, Object> view = new LinkedHashMap<>();
        SalesforceAccess access = integration.access();
        if (access != null) {
            view.put("oauthClientId", access.clientId());
            view.put("oauthClientSecret", access.clientSecret() == null ? null : IntegrationStates.MASK);
            view.put("oauthUrl", access.tokenUrl());
            view.put("apiVersion", access.apiVersion());
        }
        if (integration instanceof HistoricalSettings h) {
            view.put("adminTimeActivities", h.activities().admin());
            view.put("idleTimeActivities", h.activities().idle());
            view.put("notReadyActivities", h.activities().notReady());
            view.put("readyTimeActivities", h.activities().ready());
            view.put("serviceLevelThreshold", h.serviceLevelThresholdSeconds());
            view.put("abandonedShortContactThreshold", h.abandonedShortContactThresholdSeconds());
        } else if (integration instanceof RealtimeSettings r) {
            view.put("platformEventName", r.topic());
        }
        view.put("operational", operational(integration.operational()));
        return view;
    }

    private static Map<String, Object> operational(OperationalSettings o) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (o == null) {
            return view;
        }
        view.put("intervalMinutes", o.intervalMinutes());
        view.put("intervalTimeZone", o.intervalTimeZone() == null ? null : o.intervalTimeZone().getId());
        view.put("schedule", o.schedule());
        view.put("settleDelay", text(o.settleDelay()));
        view.put("lookback", text(o.lookback()));
        view.put("initialBackfill", text(o.initialBackfill()));
        view.put("userImportSchedule", o.userImportSchedule());
        view.put("pubsubHost", o.pubsubHost());
        view.put("pubsubPort", o.pubsubPort());
        if (o.eventFields() != null) {
            Map<String, Object> eventFields = new LinkedHashMap<>();
            eventFields.put("userId", o.eventFields().userId());
            eventFields.put("status", o.eventFields().status());
            eventFields.put("since", o.eventFields().since());
            view.put("eventFields", eventFields);
        }
        return view;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
