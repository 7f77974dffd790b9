package dev.learnflow.debug.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The hint levels as the model wrote them (its JSON reply: {@code {"hints": [{"level": 1, "text": "..."}, ...]}}).
 * Only candidates: every level still passes the output guard before it is published.
 */
public record ModelHints(List<Level> hints) {

    @JsonCreator
    public ModelHints(@JsonProperty(value = "hints", required = true) List<Level> hints) {
        this.hints = hints == null ? null : List.copyOf(hints);
    }

    public record Level(@JsonProperty(value = "level", required = true) int level,
                        @JsonProperty(value = "text", required = true) String text) {
    }

    /** The schema beyond types: one to three levels, each of 1..3 at most once, each with its text. */
    public boolean fits() {
        return hints != null && !hints.isEmpty() && hints.size() <= 3
                && hints.stream().allMatch(h -> h.level() >= 1 && h.level() <= 3 && h.text() != null)
                && hints.stream().map(Level::level).distinct().count() == hints.size();
    }

    /** The model's text for {@code level}, or null when it gave none. */
    public String text(int level) {
        return hints.stream().filter(h -> h.level() == level).map(Level::text).findFirst().orElse(null);
    }
}
