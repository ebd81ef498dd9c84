package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.config.OutputSettings;
import java.time.Duration;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    @Test
    void theBrokerKeepsAPersistedDuplicateIdCacheSizedForTheTraffic() {
        ConfigurationImpl configuration = new ConfigurationImpl();

        new EmbeddedBroker(OutputSettings.DEFAULT).customize(configuration);

        assertThat(configuration.getIDCacheSize()).isEqualTo(100_000);
        assertThat(configuration.isPersistIDCache()).isTrue();
    }

    @Test
    void everyRecordTypeHasADurableConfiguredQueueNamedWithThePrefix() {
        ConfigurationImpl configuration = new ConfigurationImpl();
        OutputSettings settings = new OutputSettings(true, "acme.wfm.", null, 8, Duration.ofSeconds(1), Duration.ofMinutes(1));

        new EmbeddedBroker(settings).customize(configuration);

        assertThat(configuration.getQueueConfigs()).extracting(q -> q.getName().toString()).containsExactly(
                "acme.wfm.queue-interval", "acme.wfm.agent-interval", "acme.wfm.agent-queue-interval",
                "acme.wfm.agent", "acme.wfm.agent-state", "acme.wfm.user");
        for (QueueConfiguration queue : configuration.getQueueConfigs()) {
            assertThat(queue.getAddress().toString()).isEqualTo(queue.getName().toString());
            assertThat(queue.getRoutingType()).isEqualTo(RoutingType.ANYCAST);
            assertThat(queue.isDurable()).isTrue();
            assertThat(queue.isAutoCreated()).isNotEqualTo(Boolean.TRUE);
        }
    }
}
