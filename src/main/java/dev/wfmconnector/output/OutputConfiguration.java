package dev.wfmconnector.output;

import dev.wfmconnector.config.OutputSettings;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wiring of the outputs: their settings, read by routes/outputs.camel.yaml and the output beans. */
@Configuration(proxyBeanMethods = false)
public class OutputConfiguration {

    /**
     * {@code connector.outputs.*}, defaults from {@link OutputSettings#DEFAULT}.
     * Integration point: once the validated {@code ConnectorSettings} bean exists, return its {@code outputs()} here.
     */
    @Bean
    public OutputSettings outputSettings(Environment env) {
        OutputSettings d = OutputSettings.DEFAULT;
        return new OutputSettings(
                env.getProperty("connector.outputs.jms.enabled", Boolean.class, d.jmsEnabled()),
                env.getProperty("connector.outputs.jms.queue-prefix", d.jmsQueuePrefix()),
                env.getProperty("connector.outputs.http.url", d.httpUrl()),
                env.getProperty("connector.outputs.http.max-attempts", Integer.class, d.httpMaxAttempts()),
                env.getProperty("connector.outputs.http.initial-backoff", Duration.class, d.httpInitialBackoff()),
                env.getProperty("connector.outputs.http.max-backoff", Duration.class, d.httpMaxBackoff()));
    }
}
