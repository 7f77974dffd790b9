package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;

/**
 * An {@link EventHandler} that is just its topic and what it does with each event, so a service's consumer reads as
 * {@code super(EventTopic.X, event -> agent.answer(event.data()))}. Returning normally acknowledges the event
 * (SUCCESS); throwing asks the sidecar to retry, and {@link PoisonEventException} drops it to the dead-letter topic.
 * Make the subclass a {@code @Singleton} bean: it holds no state that would need a client proxy.
 */
public abstract class TopicHandler<T> implements EventHandler<T> {

    /** What a handler does with one event. */
    @FunctionalInterface
    public interface Action<T> {
        void accept(CloudEvent<T> event) throws Exception;
    }

    private final EventTopic topic;
    private final Action<T> action;

    protected TopicHandler(EventTopic topic, Action<T> action) {
        this.topic = topic;
        this.action = action;
    }

    @Override
    public final EventTopic topic() {
        return topic;
    }

    @Override
    public final Delivery handle(CloudEvent<T> event) throws Exception {
        action.accept(event);
        return Delivery.SUCCESS;
    }
}
