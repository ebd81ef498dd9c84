package dev.wfmconnector.output;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.config.OutputSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the outputs: their settings, read by routes/outputs.camel.yaml and the output beans. */
@Configuration(proxyBeanMethods = false)
public class OutputConfiguration {

    /** {@code connector.outputs.*}, validated with the rest of the configuration. */
    @Bean
    public OutputSettings outputSettings(ConnectorSettings settings) {
        return settings.outputs();
    }
}
