package dev.wfmconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.SalesforceAccess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.dto.Version;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One integration's connection to its Salesforce org: a camel-salesforce component of its own (orgs differ), logged
 * in with the OAuth 2.0 client-credentials flow, whose served API versions were checked. Routes reach it by
 * {@link #componentName()} as the endpoint scheme, e.g. {@code sf-historical-emea:query}.
 */
public final class SalesforceOrg implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceOrg.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SHARED_LOGIN_HOSTS = Set.of("login.salesforce.com", "test.salesforce.com");

    private final CamelContext camel;
    private final String componentName;
    private final SalesforceComponent component;

    private SalesforceOrg(CamelContext camel, String componentName, SalesforceComponent component) {
        this.camel = camel;
        this.componentName = componentName;
        this.component = component;
    }

    /** The component name of an integration: {@code sf-<type>-<group slug>}. */
    public static String componentName(IntegrationSettings settings) {
        return "sf-" + settings.type().wireName() + "-" + Groups.slug(settings.group());
    }

    /**
     * Creates and starts the integration's component (which logs in), then checks that the org serves the configured
     * API version. Throws {@link SalesforceAccessException} with a reason fit for the status API when it cannot.
     */
    public static SalesforceOrg connect(CamelContext camel, IntegrationSettings settings) {
        SalesforceAccess access = settings.access();
        String name = componentName(settings);
        SalesforceComponent component = new SalesforceComponent();
        component.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
        component.setLoginUrl(access.loginUrl());
        component.setClientId(access.clientId());
        component.setClientSecret(access.clientSecret());
        component.setPubSubHost(settings.operational().pubsubHost());
        component.setPubSubPort(settings.operational().pubsubPort());
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(access.apiVersion());
        component.setConfig(config);

        camel.removeComponent(name);
        SalesforceOrg org = new SalesforceOrg(camel, name, component);
        try {
            camel.addComponent(name, component);  // a started context starts the component (logs in) right here
            ServiceHelper.startService(component);
        } catch (RuntimeException e) {
            org.close();
            throw new SalesforceAccessException(loginFailure(access, e), e);
        }
        try {
            org.checkApiVersion(access.apiVersion());
        } catch (RuntimeException e) {
            org.close();
            throw e;
        }
        return org;
    }

    static String loginFailure(SalesforceAccess access, Exception e) {
        String reason = "login at " + access.tokenUrl() + " failed: " + rootMessage(e);
        String host = URI.create(access.tokenUrl()).getHost();
        if (host != null && SHARED_LOGIN_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            reason += " (the client-credentials flow is refused on " + host
                    + "; set [OAuth 2.0 URL] to the org's My Domain URL, e.g. https://acme.my.salesforce.com)";
        }
        return reason;
    }

    /** The message of the innermost cause, or its class name when it has none. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private void checkApiVersion(String apiVersion) {
        List<Version> served;
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            @SuppressWarnings("unchecked")
            List<Version> versions = producer.requestBody(componentName + ":getVersions", null, List.class);
            served = versions;
        } catch (IOException | RuntimeException e) {
            throw new SalesforceAccessException("reading the org's API versions failed: " + rootMessage(e), e);
        }
        boolean supported = served.stream().anyMatch(v -> apiVersion.equals(v.getVersion()));
        if (!supported) {
            String range = served.isEmpty() ? "none"
                    : served.get(0).getVersion() + " to " + served.get(served.size() - 1).getVersion();
            throw new SalesforceAccessException("Salesforce API version " + apiVersion
                    + " is not served by this org (it serves " + range + ")", null);
        }
    }

    /** The field names of an sObject in the configured API version ({@code /sobjects/{name}/describe}). */
    public Set<String> describeFields(String sObjectName) {
        try (ProducerTemplate producer = camel.createProducerTemplate();
             InputStream body = producer.requestBody(
                     componentName + ":getDescription?rawPayload=true&sObjectName=" + sObjectName, null, InputStream.class)) {
            JsonNode fields = JSON.readTree(body).path("fields");
            Set<String> names = new LinkedHashSet<>();
            fields.forEach(f -> names.add(f.path("name").asText()));
            return names;
        } catch (IOException | RuntimeException e) {
            throw new SalesforceAccessException("describing " + sObjectName + " failed: " + rootMessage(e), e);
        }
    }

    /**
     * Keeps the fields of a SOQL select list that the org has: a field (or relationship path's first part) missing from
     * the describe of {@code sObjectName} is dropped. Returns the comma-separated select list.
     */
    public String selectableFields(String sObjectName, List<String> wanted) {
        Set<String> present = describeFields(sObjectName).stream()
                .map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return wanted.stream()
                .filter(f -> f.contains(".") || present.contains(f.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(", "));
    }

    public String componentName() {
        return componentName;
    }

    public SalesforceComponent component() {
        return component;
    }

    /**
     * Stops the component (revoking its token; an org that cannot be reached is only logged) and removes it and its
     * endpoints from the context: the context caches endpoints by URI, and a cached one would keep using this stopped
     * component after the org is connected again.
     */
    @Override
    public void close() {
        try {
            ServiceHelper.stopAndShutdownService(component);
        } catch (RuntimeException e) {
            LOG.warn("Stopping {} did not end cleanly: {}", componentName, rootMessage(e));
        }
        try {
            camel.removeEndpoints(componentName + ":*");
        } catch (Exception e) {
            throw new IllegalStateException("removing the endpoints of " + componentName + " failed", e);
        }
        camel.removeComponent(componentName);
    }
}
