package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StruggleDetected;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bulk handler for the test: answers by the event's topic id ({@code retry-*} RETRY, {@code drop-*} DROP, else
 * SUCCESS; a batch with {@code boom} fails as a whole) and remembers the batches it got. An alternative enabled only
 * by {@link BulkSubscriptionTest.Profile}, so it never leaks into another test.
 */
@Alternative
@Singleton
public class TestStruggleBatchHandler extends BulkTopicHandler<StruggleDetected> {

    static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();

    public TestStruggleBatchHandler() {
        super(EventTopic.STRUGGLE_DETECTED, BulkSubscribe.of(50, 20), TestStruggleBatchHandler::decide);
    }

    private static List<Delivery> decide(List<CloudEvent<StruggleDetected>> events) {
        List<String> topics = events.stream().map(e -> e.data().topicId()).toList();
        BATCHES.add(topics);
        if (topics.contains("boom")) {
            throw new IllegalStateException("the database is down");
        }
        return topics.stream().map(t -> t.startsWith("retry") ? Delivery.RETRY
                : t.startsWith("drop") ? Delivery.DROP : Delivery.SUCCESS).toList();
    }
}
