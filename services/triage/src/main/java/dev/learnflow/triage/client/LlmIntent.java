package dev.learnflow.triage.client;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.platform.guard.UntrustedText;
import dev.learnflow.platform.llm.LlmSwitch;
import dev.learnflow.platform.text.ClasspathText;
import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.Intent;
import dev.learnflow.triage.domain.Refinement;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The LLM's second opinion on an unsure classification (OpenAI-compatible chat completions through langchain4j's
 * {@link ChatModel}, configured under {@code quarkus.langchain4j.openai.*}). The model writes nothing a student
 * reads: its reply is taken only when it is exactly one of the labels; anything else (a sentence around a label, two
 * labels, JSON, code) counts as no answer and the offline classification stands. The student's message travels as
 * delimited data ({@link UntrustedText}); the code is never sent, only whether there is some. A failing or slow
 * model is tried once more, then the offline classification stands.
 */
@ApplicationScoped
public class LlmIntent {

    private static final Logger LOG = Logger.getLogger(LlmIntent.class);
    static final String SYSTEM_PROMPT = ClasspathText.read(LlmIntent.class, "triage/intent-system-prompt.txt")
            .strip() + "\n" + UntrustedText.RULE;
    static final String UNCLEAR = "unclear";

    private final LlmSwitch llm;
    private final ChatModel chatModel;

    public LlmIntent(LlmSwitch llm, ChatModel chatModel) {
        this.llm = llm;
        this.chatModel = chatModel;
    }

    public boolean enabled() {
        return llm.enabled();
    }

    /** The model's verdict on {@code offline}, or the offline classification when it gave none it may give. */
    @Timeout(value = 7, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, maxDuration = 12, durationUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Refinement refine(String question, boolean hasCode, Classification offline) {
        if (!llm.enabled()) {
            return Refinement.offline(offline);
        }
        String reply = chatModel.chat(SystemMessage.from(SYSTEM_PROMPT),
                UserMessage.from(prompt(question, hasCode, offline))).aiMessage().text();
        return verdict(reply, offline);
    }

    Refinement unavailable(String question, boolean hasCode, Classification offline) {
        LOG.warn("LLM classification failed or timed out twice; keeping the offline intent");
        return Refinement.offline(offline);
    }

    static String prompt(String question, boolean hasCode, Classification offline) {
        return "Message:\n" + UntrustedText.message(question) + "\nCode attached: " + (hasCode ? "yes" : "no")
                + "\nThe offline classifier guessed " + offline.intent().label() + " with confidence "
                + String.format(Locale.ROOT, "%.2f", offline.confidence()) + ".";
    }

    /** Exactly one label (white space around it aside), or the offline classification with the reply refused. */
    static Refinement verdict(String reply, Classification offline) {
        String label = reply == null ? "" : reply.strip();
        if (label.isEmpty()) {
            return Refinement.offline(offline);   // no answer at all, like a failed call
        }
        if (label.equals(UNCLEAR)) {
            return new Refinement(new Classification(offline.intent(), offline.confidence(), offline.scores(), false,
                    "llm"), null);
        }
        return Intent.fromExactLabel(label)
                .map(intent -> new Refinement(new Classification(intent, offline.confidence(), offline.scores(),
                        true, "llm"), null))
                .orElseGet(() -> {
                    LOG.debugf("LLM reply is not a label (%d characters); keeping the offline intent",
                            label.length());
                    return new Refinement(offline, Refinement.NOT_A_LABEL);
                });
    }
}
