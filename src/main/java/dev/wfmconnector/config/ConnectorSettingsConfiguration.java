package dev.wfmconnector.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code connector.*} as text and exposes the validated {@link ConnectorSettings}. The bean is built at
 * start-up, so a bad configuration stops the application with every problem listed
 * ({@link InvalidSettingsFailureAnalyzer}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorProperties.class)
public class ConnectorSettingsConfiguration {

    @Bean
    public ConnectorSettings connectorSettings(ConnectorProperties properties) {
        return new SettingsValidator().validate(properties);
    }
}
