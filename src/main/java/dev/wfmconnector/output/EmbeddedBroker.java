package dev.wfmconnector.output;

import dev.wfmconnector.config.OutputSettings;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes the embedded Artemis broker ({@code spring.artemis.mode=embedded}) for the JMS output; an external broker
 * ({@code mode=native}) needs the same in its broker.xml: the record-type queues and {@code id-cache-size}.
 *
 * <p>Queues: one durable anycast queue per record type ({@code <queue-prefix><type>}) is configured, not
 * auto-created, so the broker never auto-deletes it (and its duplicate-id cache) when it runs empty.
 *
 * <p>Duplicate-id cache: the broker remembers the last {@value #DUPLICATE_ID_CACHE_SIZE} {@code _AMQ_DUPL_ID}s per
 * queue, persisted so a restart keeps them. A record is published again with the same id when its run was not
 * acknowledged (a crash between publish and watermark/replay-id commit), so the cache must outlive one run of the
 * busiest type plus what other groups publish meanwhile. A normal historical run covers lookback + one interval
 * (9 intervals of 15 min), a first run the initial backfill of one day (96 intervals): 1,000 agents give 96,000
 * agent-interval records; realtime re-sends at most the events after its last checkpoint. At about 300 bytes an
 * id (UTF-16 {@code key|revision} plus map entries) a full cache takes about 30 MB per queue.
 */
@Component
public class EmbeddedBroker implements ArtemisConfigurationCustomizer {
    public static final int DUPLICATE_ID_CACHE_SIZE = 100_000;

    private final OutputSettings settings;

    public EmbeddedBroker(OutputSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(Configuration configuration) {
        configuration.setIDCacheSize(DUPLICATE_ID_CACHE_SIZE);
        configuration.setPersistIDCache(true);
        for (RecordType type : RecordType.values()) {
            String queue = settings.jmsQueuePrefix() + type.wireName();
            configuration.addQueueConfiguration(QueueConfiguration.of(queue)
                    .setAddress(queue)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true));
        }
    }
}
