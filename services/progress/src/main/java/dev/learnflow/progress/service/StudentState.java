package dev.learnflow.progress.service;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.progress.domain.ActivityEntry;
import dev.learnflow.progress.domain.AppliedEvent;
import dev.learnflow.progress.domain.ErrorEntry;
import dev.learnflow.progress.domain.ErrorStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the StudentActor owns about one student, saved as one value in the actor state store so a turn's
 * changes land together. Lists are oldest first and bounded by {@link HistoryLimits}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StudentState {

    String timezone = "UTC";
    String currentTopicId;
    Map<String, TopicState> topics = new TreeMap<>();
    StreakState streak = new StreakState();
    List<ActivityEntry> recentActivity = new ArrayList<>();
    Map<String, ErrorStats> errorTypes = new TreeMap<>();
    List<ErrorEntry> recentErrors = new ArrayList<>();
    /** Cool-down: topic|reason → event time of the last signal. */
    Map<String, Instant> lastSignals = new TreeMap<>();
    /** Applied event ids, oldest first (insertion order survives the JSON round trip). */
    LinkedHashMap<String, AppliedEvent> appliedEvents = new LinkedHashMap<>();
    /** Fields (by their JSON names) the reads never need. */
    private static final Set<String> ACTOR_ONLY = Set.of("appliedEvents", "lastSignals");

    /** Saves of this state so far (0 for a state saved before revisions existed): orders the copies for reads. */
    long revision;

    /**
     * The read routes' part of a saved state's JSON tree (sharing its nodes: neither may be changed afterwards):
     * everything but the applied event ids, the signal cool-downs and the topics' mastery histories, which only the
     * actor's rules use.
     */
    public static ObjectNode readPart(JsonNode saved) {
        ObjectNode part = JsonNodeFactory.instance.objectNode();
        saved.fields().forEachRemaining(field -> {
            if (!ACTOR_ONLY.contains(field.getKey())) {
                part.set(field.getKey(), field.getValue());
            }
        });
        ObjectNode topics = part.putObject("topics");
        saved.path("topics").fields().forEachRemaining(topic -> {
            ObjectNode standing = topics.putObject(topic.getKey());
            topic.getValue().fields().forEachRemaining(field -> {
                if (!field.getKey().equals("history")) {
                    standing.set(field.getKey(), field.getValue());
                }
            });
        });
        return part;
    }

    public long revision() {
        return revision;
    }

    /** Called before each save: a newer save always has a higher revision. */
    public void nextRevision() {
        revision++;
    }

    public String timezone() {
        return timezone;
    }

    public String currentTopicId() {
        return currentTopicId;
    }

    public Map<String, TopicState> topics() {
        return java.util.Collections.unmodifiableMap(topics);
    }

    public StreakState streak() {
        return streak;
    }

    public List<ActivityEntry> recentActivity() {
        return List.copyOf(recentActivity);
    }

    public Map<String, ErrorStats> errorTypes() {
        return java.util.Collections.unmodifiableMap(errorTypes);
    }

    public List<ErrorEntry> recentErrors() {
        return List.copyOf(recentErrors);
    }

    public boolean hasApplied(String eventId) {
        return appliedEvents.containsKey(eventId);
    }

    public int appliedEventCount() {
        return appliedEvents.size();
    }
}
