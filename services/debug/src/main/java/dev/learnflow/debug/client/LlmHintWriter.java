package dev.learnflow.debug.client;

import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.debug.domain.ModelHints;
import dev.learnflow.platform.llm.LlmChat;
import dev.learnflow.platform.llm.LlmSwitch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The LLM (when configured) that rewords the offline hints for the student's program, in platform's one style
 * ({@link LlmChat}): the rules are {@code debug/llm/system-prompt.txt}, the request is written by the service (the
 * student's code and words inside their data tags), and the reply must be the hint levels as JSON. Empty when the
 * LLM is off, the call failed (after the model's configured retry), or the reply broke the schema. The levels are
 * only candidates: each one still passes the output guard.
 */
@ApplicationScoped
public class LlmHintWriter {

    static final String SYSTEM_PROMPT = "/debug/llm/system-prompt.txt";

    private final LlmChat chat;

    @Inject
    public LlmHintWriter(LlmSwitch llmSwitch, ChatModel model) {
        this.chat = LlmChat.of(llmSwitch, model, LlmHintWriter.class, SYSTEM_PROMPT);
    }

    /** The model's levels for {@code request}, or empty (LLM off, failed, or not the hint JSON). */
    public Optional<ModelHints> write(String request) {
        return chat.askFor(request, ModelHints.class, ModelHints::fits);
    }
}
