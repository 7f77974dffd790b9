package dev.learnflow.concepts.client;

import dev.learnflow.platform.llm.LlmSwitch;
import dev.learnflow.concepts.service.Lesson;
import dev.learnflow.concepts.service.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Asks the LLM (when configured) to word the explanation; empty when it is off, fails or times out. */
@ApplicationScoped
public class LlmExplanation {

    private static final Logger LOG = Logger.getLogger(LlmExplanation.class);

    private final LlmSwitch llm;
    private final ExplanationWriter writer;

    public LlmExplanation(LlmSwitch llm, ExplanationWriter writer) {
        this.llm = llm;
        this.writer = writer;
    }

    public Optional<String> explain(String question, Lesson lesson, Wording wording) {
        if (!llm.enabled()) {
            return Optional.empty();
        }
        try {
            String lessonText = wording == Wording.ADVANCED ? lesson.inDepth() : lesson.idea();
            return Optional.ofNullable(writer.explain(wording.label(), question, lesson.title(), lessonText,
                    String.join("; ", lesson.watchOut()))).filter(s -> !s.isBlank());
        } catch (RuntimeException e) {
            LOG.warnf("LLM explanation unavailable (%s); answering from the knowledge base", e.toString());
            return Optional.empty();
        }
    }
}
