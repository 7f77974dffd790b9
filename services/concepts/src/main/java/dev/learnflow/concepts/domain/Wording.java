package dev.learnflow.concepts.domain;

import dev.learnflow.contracts.domain.MasteryLevel;
import dev.learnflow.contracts.events.StudentContext;

/** Beginner or advanced wording, from the student's mastery of the topic (or, lacking that, of the course). */
public enum Wording {
    BEGINNER("beginner"),
    ADVANCED("advanced");

    private final String label;

    Wording(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Wording forStudent(StudentContext context, String topicId) {
        if (context == null) {
            return BEGINNER;
        }
        Double topic = topicId == null ? null : context.mastery().get(topicId);
        if (topic != null) {
            return topic >= MasteryLevel.PROFICIENT_FROM ? ADVANCED : BEGINNER;
        }
        double average = context.mastery().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return context.mastery().size() >= 3 && average >= MasteryLevel.PROFICIENT_FROM ? ADVANCED : BEGINNER;
    }
}
