package dev.learnflow.concepts.client;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.concepts.domain.Wording;
import dev.learnflow.platform.guard.UntrustedText;
import dev.learnflow.platform.llm.LlmSwitch;
import dev.learnflow.platform.text.ClasspathText;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Asks an OpenAI-compatible LLM (langchain4j's {@link ChatModel}, {@code quarkus.langchain4j.openai.*}) to word the
 * explanation of the lesson we retrieved for this student's question and level. One part, so the reply is plain
 * text. Optional by design: without configuration, or when the model fails or is slow twice, the lesson keeps its
 * own wording. The student's question travels as delimited data ({@link UntrustedText}); their code is not sent
 * (the explanation is about the concept, and the guard compares the reply with the code). What comes back is only a
 * candidate for the output guard.
 */
@ApplicationScoped
public class ExplanationWriter {

    private static final Logger LOG = Logger.getLogger(ExplanationWriter.class);
    static final String SYSTEM_PROMPT = ClasspathText.read(ExplanationWriter.class, "concepts/llm-system-prompt.txt")
            .strip() + "\n" + UntrustedText.RULE;

    private final LlmSwitch llm;
    private final ChatModel chatModel;

    public ExplanationWriter(LlmSwitch llm, ChatModel chatModel) {
        this.llm = llm;
        this.chatModel = chatModel;
    }

    /** The model's wording, or empty when the LLM is off, failed or timed out (one retry). */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<String> explain(String question, Lesson lesson, Wording wording) {
        if (!llm.enabled()) {
            return Optional.empty();
        }
        String reply = chatModel.chat(SystemMessage.from(SYSTEM_PROMPT),
                UserMessage.from(prompt(question, lesson, wording))).aiMessage().text();
        return Optional.ofNullable(reply).filter(text -> !text.isBlank());
    }

    Optional<String> unavailable(String question, Lesson lesson, Wording wording) {
        LOG.warn("LLM explanation failed or timed out twice; answering from the knowledge base");
        return Optional.empty();
    }

    static String prompt(String question, Lesson lesson, Wording wording) {
        String lessonText = wording == Wording.ADVANCED ? lesson.inDepth() : lesson.idea();
        return "Word it for a " + wording.label() + " student.\nLesson \"" + lesson.title() + "\": " + lessonText
                + "\nCommon mistakes: " + String.join("; ", lesson.watchOut()) + "\n\nThe student's question:\n"
                + UntrustedText.message(question);
    }
}
