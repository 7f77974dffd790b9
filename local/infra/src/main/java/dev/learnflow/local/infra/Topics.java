package dev.learnflow.local.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import dev.learnflow.contracts.events.EventTopic;

/**
 * The broker topics of the mesh, derived from {@link EventTopic} (the single source of the names): the eight event
 * topics and, for each, its dead-letter topic {@code <topic>.dlq}.
 */
public final class Topics {

    private Topics() {
    }

    /** The eight event topics, in {@link EventTopic} order. */
    public static List<String> eventTopics() {
        return Arrays.stream(EventTopic.values()).map(EventTopic::topic).toList();
    }

    /** The eight dead-letter topics ({@code <topic>.dlq}). */
    public static List<String> deadLetterTopics() {
        return Arrays.stream(EventTopic.values()).map(EventTopic::deadLetterTopic).toList();
    }

    /** All sixteen: each event topic followed by its dead-letter topic. */
    public static List<String> all() {
        List<String> out = new ArrayList<>();
        for (EventTopic t : EventTopic.values()) {
            out.add(t.topic());
            out.add(t.deadLetterTopic());
        }
        return Collections.unmodifiableList(out);
    }
}
