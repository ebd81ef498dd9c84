package dev.wfmconnector.historical.run;

import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.salesforce.SalesforceOrg;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Counts the calls the historical integrations make to Salesforce ({@code wfm.salesforce.api.calls}): every send to
 * a {@code sf-historical-<group>} component (query, queryMore, describe, versions), each retry included, tagged with
 * the operation and whether it failed.
 */
@Component
public class SalesforceCallCounter extends EventNotifierSupport {

    private static final String PREFIX = "sf-" + IntegrationType.HISTORICAL.wireName() + "-";

    private final HistoricalIntegrations integrations;
    private final HistoricalMetrics metrics;

    public SalesforceCallCounter(HistoricalIntegrations integrations, HistoricalMetrics metrics) {
        this.integrations = integrations;
        this.metrics = metrics;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        ExchangeSentEvent sent = (ExchangeSentEvent) event;
        String uri = sent.getEndpoint().getEndpointUri();
        int colon = uri.indexOf(':');
        if (colon < 0 || !uri.startsWith(PREFIX)) {
            return;
        }
        String component = uri.substring(0, colon);
        String operation = uri.substring(colon + 1).replaceFirst("^/+", "").replaceFirst("[?/].*$", "");
        integrations.all().stream()
                .filter(i -> SalesforceOrg.componentName(i.settings()).equals(component))
                .findFirst()
                .ifPresent(i -> metrics.apiCall(IntegrationType.HISTORICAL.wireName(), i.group(), operation,
                        sent.getExchange().getException() != null));
    }
}
