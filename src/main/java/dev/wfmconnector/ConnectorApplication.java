package dev.wfmconnector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Salesforce → WFM connector: historical, realtime and user-import integrations per group. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConnectorApplication {
    public static void main(String[] args) {
        SpringApplication.run(ConnectorApplication.class, args);
    }
}
