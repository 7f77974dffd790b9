package dev.learnflow.triage.client;

import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.platform.guard.UntrustedText;
import dev.learnflow.platform.llm.LlmChat;
import dev.learnflow.platform.llm.LlmSwitch;
import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.Intent;
import dev.learnflow.triage.domain.Refinement;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * The LLM's second opinion on an unsure classification, in the one style of LLM call ({@link LlmChat}: the injected
 * langchain4j {@link ChatModel}, the prompt in {@code triage/intent-system-prompt.txt}). The model writes nothing a
 * student reads: its reply is taken only when it is exactly one of the labels; anything else (a sentence around a
 * label, two labels, JSON, code) counts as no answer and the offline classification stands. The student's message
 * travels as delimited data ({@link UntrustedText}); the code is never sent, only whether there is some. A failed
 * or slow call (after langchain4j's one retry) leaves the offline classification in place.
 */
@ApplicationScoped
public class LlmIntent {

    private static final Logger LOG = Logger.getLogger(LlmIntent.class);
    static final String UNCLEAR = "unclear";

    private final LlmChat chat;

    public LlmIntent(LlmSwitch llm, ChatModel chatModel) {
        this.chat = LlmChat.of(llm, chatModel, LlmIntent.class, "/triage/intent-system-prompt.txt");
    }

    public boolean enabled() {
        return chat.enabled();
    }

    /** The model's verdict on {@code offline}, or the offline classification when it gave none it may give. */
    public Refinement refine(String question, boolean hasCode, Classification offline) {
        return chat.ask(prompt(question, hasCode, offline))
                .map(reply -> verdict(reply, offline))
                .orElseGet(() -> Refinement.offline(offline));
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
