package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import io.vertx.core.Context;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A non-blocking handler for the test: remembers each event's topic id and whether it ran on an event loop. An
 * alternative enabled only by {@link NonBlockingSubscriptionTest.Profile}.
 */
@Alternative
@Singleton
public class TestStruggleLoopHandler implements EventHandler<StruggleDetected> {

    record Seen(String topicId, boolean onEventLoop) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public EventTopic topic() {
        return EventTopic.STRUGGLE_DETECTED;
    }

    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public Delivery handle(CloudEvent<StruggleDetected> event) {
        SEEN.add(new Seen(event.data().topicId(), Context.isOnEventLoopThread()));
        if (event.data().topicId().startsWith("drop")) {
            throw new PoisonEventException("told to drop");
        }
        return Delivery.SUCCESS;
    }
}
