package dev.wfmconnector.simulator.pubsub;

import com.salesforce.eventbus.protobuf.ProducerEvent;
import org.apache.avro.Schema;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated org's event bus: its topics and the open Subscribe streams that follow them. */
final class EventBus {

    private final Map<String, EventTopic> topics = new ConcurrentHashMap<>();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Duration retention;
    private final Clock clock;

    EventBus(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /** Adds a topic; registering the same name again is allowed only with the same schema. */
    EventTopic register(String name, Schema schema) {
        EventTopic topic = topics.computeIfAbsent(name, n -> new EventTopic(n, schema, retention, clock, new SplittableRandom()));
        if (!topic.schema().equals(schema)) {
            throw new IllegalArgumentException("Topic " + name + " already exists with another schema");
        }
        return topic;
    }

    Optional<EventTopic> topic(String name) {
        return Optional.ofNullable(topics.get(name));
    }

    Optional<EventTopic> topicBySchemaId(String schemaId) {
        return topics.values().stream().filter(t -> t.schemaId().equals(schemaId)).findFirst();
    }

    /** Appends an event to a topic and wakes the streams subscribed to it; returns the event's position. */
    long publish(EventTopic topic, ProducerEvent event) {
        long position = topic.append(event);
        subscriptions.forEach(subscription -> subscription.published(topic));
        return position;
    }

    void opened(Subscription subscription) {
        subscriptions.add(subscription);
    }

    void closed(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }
}
