package dev.learnflow.platform.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.platform.guard.StructuredReply;
import dev.learnflow.platform.guard.UntrustedText;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one style of LLM call every agent uses: the service's injected langchain4j {@link ChatModel}, a system prompt
 * kept in the service's resources (followed by {@link UntrustedText#RULE}), one user message in which the student's
 * code and words travel as {@link UntrustedText}, and no exception beyond this class: when the {@link LlmSwitch} is
 * off, the call fails (after the model's own configured retries) or the reply is not the JSON asked for, the answer
 * is empty and the caller answers offline. What comes back is only a candidate for the output guard.
 *
 * <pre>{@code
 * LlmChat chat = LlmChat.of(llmSwitch, chatModel, HintWriter.class, "/debug/llm/system.txt");
 * Optional<ModelHints> hints = chat.askFor(prompt, ModelHints.class, ModelHints::fits);
 * }</pre>
 */
public final class LlmChat {

    private static final Logger LOG = Logger.getLogger(LlmChat.class);

    private final LlmSwitch llmSwitch;
    private final ChatModel model;
    private final String systemPrompt;
    private final String purpose;

    private LlmChat(LlmSwitch llmSwitch, ChatModel model, String systemPrompt, String purpose) {
        this.llmSwitch = llmSwitch;
        this.model = model;
        this.systemPrompt = systemPrompt;
        this.purpose = purpose;
    }

    /**
     * A chat whose system prompt is the resource {@code promptResource} (absolute, e.g. {@code /review/prompt.txt})
     * next to {@code owner}, followed by the rule that student text is data.
     */
    public static LlmChat of(LlmSwitch llmSwitch, ChatModel model, Class<?> owner, String promptResource) {
        return new LlmChat(llmSwitch, model, resource(owner, promptResource) + "\n" + UntrustedText.RULE,
                owner.getSimpleName());
    }

    public boolean enabled() {
        return llmSwitch.enabled();
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    /** The model's reply text; empty when the LLM is off or the call failed. */
    public Optional<String> ask(String userMessage) {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            String reply = model.chat(SystemMessage.from(systemPrompt), UserMessage.from(userMessage))
                    .aiMessage().text();
            return Optional.ofNullable(reply);
        } catch (RuntimeException e) {
            LOG.warnf("%s: the LLM call failed, answering offline: %s", purpose, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The reply read as {@code type} (see {@link StructuredReply}); a reply that is not exactly that JSON, or that
     * {@code valid} rejects, counts as a failed call.
     */
    public <T> Optional<T> askFor(String userMessage, Class<T> type, Predicate<T> valid) {
        Optional<String> reply = ask(userMessage);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> parsed = StructuredReply.parse(reply.get(), type, valid);
        if (parsed.isEmpty()) {
            LOG.warnf("%s: the LLM reply is not the %s JSON asked for; treated as a failed call", purpose,
                    type.getSimpleName());
        }
        return parsed;
    }

    /** A text resource of the service, stripped; a missing one is a packaging error. */
    public static String resource(Class<?> owner, String path) {
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
