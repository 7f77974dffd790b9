package dev.learnflow.concepts.client;

import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.concepts.domain.Wording;
import dev.learnflow.platform.guard.UntrustedText;
import dev.learnflow.platform.llm.LlmChat;
import dev.learnflow.platform.llm.LlmSwitch;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Asks an OpenAI-compatible LLM to word the explanation of the lesson we retrieved for this student's question and
 * level, in the one style of LLM call ({@link LlmChat}: the injected langchain4j {@link ChatModel}, the prompt in
 * {@code concepts/llm-system-prompt.txt}). One part, so the reply is plain text. Optional by design: without
 * configuration, or when the call fails or is slow (after langchain4j's one retry), the lesson keeps its own
 * wording. The student's question travels as delimited data ({@link UntrustedText}); their code is not sent (the
 * explanation is about the concept, and the guard compares the reply with the code). What comes back is only a
 * candidate for the output guard.
 */
@ApplicationScoped
public class ExplanationWriter {

    private final LlmChat chat;

    public ExplanationWriter(LlmSwitch llm, ChatModel chatModel) {
        this.chat = LlmChat.of(llm, chatModel, ExplanationWriter.class, "/concepts/llm-system-prompt.txt");
    }

    /** The model's wording, or empty when the LLM is off or the call failed. */
    public Optional<String> explain(String question, Lesson lesson, Wording wording) {
        return chat.ask(prompt(question, lesson, wording)).filter(text -> !text.isBlank());
    }

    static String prompt(String question, Lesson lesson, Wording wording) {
        String lessonText = wording == Wording.ADVANCED ? lesson.inDepth() : lesson.idea();
        return "Word it for a " + wording.label() + " student.\nLesson \"" + lesson.title() + "\": " + lessonText
                + "\nCommon mistakes: " + String.join("; ", lesson.watchOut()) + "\n\nThe student's question:\n"
                + UntrustedText.message(question);
    }
}
