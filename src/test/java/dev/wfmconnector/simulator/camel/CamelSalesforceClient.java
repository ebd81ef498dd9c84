package dev.wfmconnector.simulator.camel;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.LoggerFactory;

/**
 * The real camel-salesforce client as the connector uses it: a plain Camel context with one
 * {@link SalesforceComponent} (client credentials, API 53.0), reading raw query pages with
 * {@code salesforce:query} and {@code salesforce:queryMore}.
 */
public final class CamelSalesforceClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DefaultCamelContext camel;
    private final SalesforceComponent component;
    private final ProducerTemplate template;

    /** Starts a context whose component logs in at {@code loginUrl} (start fails when the login does). */
    public CamelSalesforceClient(String loginUrl, String clientId, String clientSecret) {
        quietLogs();
        camel = new DefaultCamelContext();
        component = new SalesforceComponent();
        component.setLoginUrl(loginUrl);
        component.setClientId(clientId);
        component.setClientSecret(clientSecret);
        component.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion("53.0");
        component.setConfig(config);
        camel.addComponent("salesforce", component);
        try {
            camel.start();
        } catch (RuntimeException e) {
            camel.stop();
            throw e;
        }
        template = camel.createProducerTemplate();
    }

    public ProducerTemplate template() {
        return template;
    }

    public SalesforceComponent component() {
        return component;
    }

    /** The first page of a query, as raw JSON. */
    public JsonNode query(String soql) {
        return json(template.requestBody("salesforce:query?rawPayload=true&sObjectQuery=RAW(" + soql + ")", null,
                String.class));
    }

    /** The page a {@code nextRecordsUrl} names. */
    public JsonNode queryMore(String nextRecordsUrl) {
        return json(template.requestBody("salesforce:queryMore?rawPayload=true", nextRecordsUrl, String.class));
    }

    /** Every record of a query, page by page; {@code afterFirstPage} runs once between the first and second page. */
    public List<JsonNode> readAll(String soql, Consumer<JsonNode> afterFirstPage) {
        List<JsonNode> records = new ArrayList<>();
        JsonNode page = query(soql);
        page.get("records").forEach(records::add);
        afterFirstPage.accept(page);
        while (!page.get("done").asBoolean()) {
            page = queryMore(page.get("nextRecordsUrl").asText());
            page.get("records").forEach(records::add);
        }
        return records;
    }

    public static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        camel.stop();
    }

    /** Jetty and Camel debug output would swamp the test log. */
    private static void quietLogs() {
        for (String name : new String[] {"org.eclipse.jetty", "org.apache.camel"}) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        }
    }
}
