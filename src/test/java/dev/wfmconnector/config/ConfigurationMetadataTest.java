package dev.wfmconnector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The IDE metadata generated from {@link ConnectorProperties} (spring-boot-configuration-processor plus
 * {@code additional-spring-configuration-metadata.json}): every property documented, and the defaults it states are
 * the ones the validator applies.
 */
class ConfigurationMetadataTest {

    private static final List<JsonNode> properties = new ArrayList<>();

    @BeforeAll
    static void readGeneratedMetadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                json.readTree(in).path("properties").forEach(p -> {
                    if (p.path("name").asText().startsWith("connector.")) {
                        properties.add(p);
                    }
                });
            }
        }
    }

    @Test
    void everyConnectorPropertyHasADescriptionAndEveryLeafNamesItsDisplayName() {
        assertEquals(21, properties.size(), "connector.* properties: 3 lists, 12 defaults, 6 outputs");
        for (JsonNode p : properties) {
            String name = p.path("name").asText();
            String description = p.path("description").asText();
            assertTrue(description.length() > 20, name + " has a description");
            if (!p.path("type").asText().startsWith("java.util.List")) {
                assertTrue(description.matches("\\[[^]]+] .*"), name + " starts with its display name: " + description);
            }
        }
    }

    @Test
    void theDefaultsItStatesAreTheOnesTheValidatorApplies() {
        Map<String, String> stated = new HashMap<>();
        properties.stream().filter(p -> p.has("defaultValue"))
                .forEach(p -> stated.put(p.path("name").asText(), p.path("defaultValue").asText()));
        assertEquals(17, stated.size(), "every operational and output setting with a default states it");

        ConnectorProperties raw = new Binder(new MapConfigurationPropertySource(stated))
                .bind("connector", ConnectorProperties.class).get();
        assertNotNull(raw.getDefaults().getIntervalMinutes(), "the stated defaults bind to real properties");
        raw.getHistorical().add(Configs.historical("emea"));
        ConnectorSettings settings = new SettingsValidator().validate(raw);

        assertEquals(OperationalSettings.DEFAULT, settings.historical().get(0).operational());
        assertEquals(OutputSettings.DEFAULT, settings.outputs());
    }
}
