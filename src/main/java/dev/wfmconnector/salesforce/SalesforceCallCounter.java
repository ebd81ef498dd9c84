package dev.wfmconnector.salesforce;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.IntegrationSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Counts the REST calls the integrations make to Salesforce, {@code wfm.salesforce.api.calls{integration,group,
 * operation,outcome}}: every send to an integration's camel-salesforce component ({@code sf-<type>-<group>}) from a
 * route or from Java (the version check and describes as an integration starts), each retry included, tagged with
 * the operation ({@code query}, {@code queryMore}, {@code getDescription}, {@code getVersions}) and whether it
 * failed. The login and the Pub/Sub subscription are not REST API calls and are not counted.
 */
@Component
public class SalesforceCallCounter extends EventNotifierSupport {

    private final Map<String, IntegrationSettings> integrationsByComponent;
    private final MeterRegistry registry;

    public SalesforceCallCounter(ConnectorSettings settings, MeterRegistry registry) {
        this.integrationsByComponent = settings.all().stream()
                .collect(Collectors.toMap(SalesforceOrg::componentName, Function.identity(), (a, b) -> a));
        this.registry = registry;
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
        IntegrationSettings integration = colon < 0 ? null : integrationsByComponent.get(uri.substring(0, colon));
        if (integration == null) {
            return;
        }
        String operation = uri.substring(colon + 1).replaceFirst("^/+", "").replaceFirst("[?/].*$", "");
        registry.counter("wfm.salesforce.api.calls", "integration", integration.type().wireName(),
                "group", integration.group(), "operation", operation,
                "outcome", sent.getExchange().getException() != null ? "failed" : "ok").increment();
    }
}
