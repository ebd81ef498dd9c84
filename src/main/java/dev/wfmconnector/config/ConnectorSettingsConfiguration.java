package dev.wfmconnector.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds {@code connector.*} as text and exposes the validated {@link ConnectorSettings}, the one bean other code
 * reads settings from. It is built at start-up, so a bad configuration (misspelt names included) stops the
 * application with every problem listed ({@link InvalidSettingsFailureAnalyzer}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorProperties.class)
public class ConnectorSettingsConfiguration {

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("connector");

    @Bean
    public ConnectorSettings connectorSettings(ConnectorProperties properties, Environment environment) {
        return new SettingsValidator().validate(properties, givenNames(environment));
    }

    /** The names of every {@code connector.*} property of every source, so that misspelt ones are reported. */
    static List<String> givenNames(Environment environment) {
        List<String> names = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(ROOT::isAncestorOf).stream().map(ConfigurationPropertyName::toString).forEach(names::add);
            }
        }
        return names;
    }
}
