package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.config.OutputSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.mock.env.MockEnvironment;

class OutputConfigurationTest {

    @Test
    void withoutSettingsTheDefaultsApply() {
        assertThat(new OutputConfiguration().outputSettings(environment())).isEqualTo(OutputSettings.DEFAULT);
    }

    @Test
    void connectorOutputsPropertiesAreRead() {
        MockEnvironment env = environment()
                .withProperty("connector.outputs.jms.enabled", "false")
                .withProperty("connector.outputs.jms.queue-prefix", "acme.")
                .withProperty("connector.outputs.http.url", "https://wfm.example.com/in")
                .withProperty("connector.outputs.http.max-attempts", "3")
                .withProperty("connector.outputs.http.initial-backoff", "PT0.5S")
                .withProperty("connector.outputs.http.max-backoff", "30s");

        assertThat(new OutputConfiguration().outputSettings(env)).isEqualTo(new OutputSettings(false, "acme.",
                "https://wfm.example.com/in", 3, Duration.ofMillis(500), Duration.ofSeconds(30)));
    }

    private static MockEnvironment environment() {
        MockEnvironment env = new MockEnvironment();
        env.setConversionService(new ApplicationConversionService());  // as in a Spring Boot application
        return env;
    }
}
