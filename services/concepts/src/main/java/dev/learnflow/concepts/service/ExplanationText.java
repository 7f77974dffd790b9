package dev.learnflow.concepts.service;

import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.concepts.domain.Wording;

/** The Markdown answer; the structured parts (trace, diagram) travel in the response's data. */
public final class ExplanationText {

    private ExplanationText() {
    }

    public static String compose(Lesson lesson, String explanation, Wording wording, String exampleOutput) {
        StringBuilder text = new StringBuilder();
        text.append("## ").append(lesson.title()).append("\n\n").append(explanation).append("\n\n");
        text.append("**Example** — run it and watch the trace step by step:\n\n```python\n")
                .append(lesson.example().stripTrailing()).append("\n```\n\n");
        if (exampleOutput != null && !exampleOutput.isBlank()) {
            text.append("It prints:\n\n");
            exampleOutput.stripTrailing().lines().forEach(l -> text.append("> ").append(l).append('\n'));
            text.append('\n');
        }
        if (!lesson.watchOut().isEmpty()) {
            text.append("**Watch out**\n");
            lesson.watchOut().stream().limit(wording == Wording.ADVANCED ? 2 : 3)
                    .forEach(w -> text.append("- ").append(w).append('\n'));
        }
        return text.toString().strip();
    }
}
