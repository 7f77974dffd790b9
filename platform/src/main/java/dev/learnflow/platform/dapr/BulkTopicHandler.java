package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;

import java.util.List;

/**
 * The batch form of {@link TopicHandler}: a topic, its bulk settings and what is done with each batch, so a
 * service's consumer reads as {@code super(EventTopic.X, BulkSubscribe.of(200, 50), recorder::recordAll)}. The
 * action answers one {@link Delivery} per event; an event delivered alone (not in bulk) is a batch of one. Make the
 * subclass a {@code @Singleton} bean.
 */
public abstract class BulkTopicHandler<T> implements BulkEventHandler<T> {

    /** What a handler does with one batch: one status per event, in the events' order. */
    @FunctionalInterface
    public interface BatchAction<T> {
        List<Delivery> accept(List<CloudEvent<T>> events) throws Exception;
    }

    private final EventTopic topic;
    private final BulkSubscribe bulkSubscribe;
    private final BatchAction<T> action;

    protected BulkTopicHandler(EventTopic topic, BulkSubscribe bulkSubscribe, BatchAction<T> action) {
        this.topic = topic;
        this.bulkSubscribe = bulkSubscribe;
        this.action = action;
    }

    @Override
    public final EventTopic topic() {
        return topic;
    }

    @Override
    public final BulkSubscribe bulkSubscribe() {
        return bulkSubscribe;
    }

    @Override
    public final Delivery handle(CloudEvent<T> event) throws Exception {
        return handleBatch(List.of(event)).get(0);
    }

    @Override
    public final List<Delivery> handleBatch(List<CloudEvent<T>> events) throws Exception {
        List<Delivery> statuses = action.accept(events);
        if (statuses == null || statuses.size() != events.size()) {
            throw new IllegalStateException("handler of " + topic.topic() + " answered " + (statuses == null ? 0
                    : statuses.size()) + " statuses for " + events.size() + " events");
        }
        return statuses;
    }
}
