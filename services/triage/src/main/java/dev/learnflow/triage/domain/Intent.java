package dev.learnflow.triage.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** What a student's message asks for; decides which agent answers. */
public enum Intent {
    CONCEPT_EXPLANATION("concept_explanation"),
    DEBUG_HELP("debug_help"),
    CODE_REVIEW("code_review"),
    EXERCISE_REQUEST("exercise_request"),
    PROGRESS_QUESTION("progress_question"),
    OFF_TOPIC("off_topic");

    private final String label;

    Intent(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static Optional<Intent> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(i -> i.label.equals(wanted)).findFirst();
    }

    /** Only the label exactly as written here: how a model's one-word answer is read. */
    public static Optional<Intent> fromExactLabel(String label) {
        return Arrays.stream(values()).filter(i -> i.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
