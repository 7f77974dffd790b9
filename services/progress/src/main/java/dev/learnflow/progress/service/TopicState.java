package dev.learnflow.progress.service;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A student's standing on one topic, inside the StudentActor's state. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class TopicState {

    /** Graded attempts on one topic remembered for the mastery-drop rule. */
    static final int HISTORY = 20;

    /** One BKT update: P(L) before and after a graded attempt. */
    public record MasteryPoint(Instant at, double before, double after, boolean success) {
    }

    double pKnown;
    int attempts;
    int correct;
    Instant firstActivityAt;
    Instant lastActivityAt;
    List<MasteryPoint> history = new ArrayList<>();

    TopicState() {
    }

    TopicState(double pInit) {
        this.pKnown = pInit;
    }

    public double pKnown() {
        return pKnown;
    }

    public int attempts() {
        return attempts;
    }

    public int correct() {
        return correct;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public List<MasteryPoint> history() {
        return List.copyOf(history);
    }
}
