package dev.wfmconnector.demo;

import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.pubsub.PubSubServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The {@code demo} profile's Salesforce org: before the connector's settings are read, starts the org simulator
 * in-process (OAuth + REST on a free loopback port, the Pub/Sub API over TLS on another, a seeded contact center
 * with a day of history running live) and gives application-demo.yaml its URLs and credentials ({@code demo.org.*}). The JVM trusts the
 * simulator's self-signed certificate (javax.net.ssl.trustStore), as a production JVM trusts Salesforce's.
 */
public class DemoOrgInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEMO_PROFILE = "demo";
    static final String CLIENT_ID = "demo-connected-app";
    private static final Logger LOG = LoggerFactory.getLogger(DemoOrgInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.matchesProfiles(DEMO_PROFILE)) {
            return;
        }
        String clientSecret = environment.getProperty("demo.simulator.client-secret", "demo-secret-not-for-production");
        Path dataDirectory = Path.of(environment.getProperty("demo.data-directory", "./data/demo"));
        SalesforceOrgSimulator org = SalesforceOrgSimulator.builder()
                .client(CLIENT_ID, clientSecret)
                .seed(environment.getProperty("demo.simulator.seed", Long.class, 42L))
                .agents(environment.getProperty("demo.simulator.agents", Integer.class, 200))
                .history(Duration.ofDays(1))
                .live(true)
                .build();
        PubSubServer pubSub;
        try {
            pubSub = PubSubServer.builder(org.accessTokens()).port(0).start();
            Files.createDirectories(dataDirectory);
            Path trustStore = dataDirectory.resolve("simulator-trust.p12");
            pubSub.writeTrustStore(trustStore, "simulator".toCharArray());
            System.setProperty("javax.net.ssl.trustStore", trustStore.toAbsolutePath().toString());
            System.setProperty("javax.net.ssl.trustStorePassword", "simulator");
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        } catch (IOException e) {
            org.close();
            throw new UncheckedIOException("the demo's Pub/Sub simulator could not start", e);
        }
        org.connectPubSub(pubSub, pubSub);
        org.start();

        environment.getPropertySources().addFirst(new MapPropertySource("demo-org", properties(org, pubSub, clientSecret)));
        context.getBeanFactory().registerSingleton("demoSalesforceOrg", org);
        context.getBeanFactory().registerSingleton("demoPubSubServer", pubSub);
        // closed with the beans, after Camel has stopped its routes (ContextClosedEvent would come before: the
        // subscription would see its stream cancelled and try again while the application shuts down)
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean("demoSalesforceOrgCloser", () -> {
                pubSub.close();
                org.close();
            });
        }
        LOG.info("Demo Salesforce org simulator: REST {} , Pub/Sub API localhost:{}", org.baseUrl(), pubSub.port());
    }

    /** The values application-demo.yaml refers to as {@code ${demo.org.*}}. */
    private static Map<String, Object> properties(SalesforceOrgSimulator org, PubSubServer pubSub, String secret) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("demo.org.client-id", CLIENT_ID);
        p.put("demo.org.client-secret", secret);
        p.put("demo.org.token-url", org.tokenUrl());
        p.put("demo.org.pubsub-port", String.valueOf(pubSub.port()));
        return p;
    }
}
