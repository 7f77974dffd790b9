package dev.learnflow.platform.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.learnflow.platform.guard.UntrustedText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmChatTest {

    static final LlmSwitch ON = new LlmSwitch(Optional.of("http://llm.local/v1"), Optional.of("sk-test"));
    static final LlmSwitch OFF = new LlmSwitch(Optional.empty(), Optional.empty());

    record Levels(List<String> levels) {
    }

    /** A model that answers with {@code answer} and remembers what it was sent. */
    static final class ScriptedModel implements ChatModel {
        final List<List<ChatMessage>> requests = new ArrayList<>();
        final Function<String, String> answer;

        ScriptedModel(Function<String, String> answer) {
            this.answer = answer;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request.messages());
            String user = ((UserMessage) request.messages().get(1)).singleText();
            return ChatResponse.builder().aiMessage(AiMessage.from(answer.apply(user))).build();
        }
    }

    @Test
    void theSystemPromptIsTheResourceFollowedByTheUntrustedTextRule() {
        ScriptedModel model = new ScriptedModel(user -> "fine");
        LlmChat chat = LlmChat.of(ON, model, LlmChatTest.class, "/llm/test-prompt.txt");

        assertEquals(Optional.of("fine"), chat.ask("hello"));

        List<ChatMessage> sent = model.requests.get(0);
        assertEquals("You are a test tutor. Answer with JSON.\n" + UntrustedText.RULE,
                ((SystemMessage) sent.get(0)).text());
        assertEquals("hello", ((UserMessage) sent.get(1)).singleText());
    }

    @Test
    void offMeansTheModelIsNeverCalled() {
        ScriptedModel model = new ScriptedModel(user -> "fine");
        LlmChat chat = LlmChat.of(OFF, model, LlmChatTest.class, "/llm/test-prompt.txt");

        assertEquals(Optional.empty(), chat.ask("hello"));
        assertEquals(Optional.empty(), chat.askFor("hello", Levels.class, l -> true));
        assertTrue(model.requests.isEmpty());
    }

    @Test
    void aFailedCallIsAnEmptyAnswer() {
        ChatModel failing = new ScriptedModel(user -> {
            throw new IllegalStateException("HTTP 500");
        });
        LlmChat chat = LlmChat.of(ON, failing, LlmChatTest.class, "/llm/test-prompt.txt");

        assertEquals(Optional.empty(), chat.ask("hello"));
        assertEquals(Optional.empty(), chat.askFor("hello", Levels.class, l -> true));
    }

    @Test
    void aReplyThatIsNotTheJsonAskedForIsAFailedCall() {
        ScriptedModel model = new ScriptedModel(user -> user);   // echoes the user message back
        LlmChat chat = LlmChat.of(ON, model, LlmChatTest.class, "/llm/test-prompt.txt");

        assertEquals(Optional.of(new Levels(List.of("a", "b"))),
                chat.askFor("{\"levels\": [\"a\", \"b\"]}", Levels.class, l -> l.levels().size() == 2));
        assertEquals(Optional.empty(), chat.askFor("{\"levels\": [\"a\"]}", Levels.class, l -> l.levels().size() == 2));
        assertEquals(Optional.empty(), chat.askFor("1: a\n2: b", Levels.class, l -> true));
    }

    @Test
    void aMissingPromptIsAPackagingError() {
        assertThrows(IllegalStateException.class,
                () -> LlmChat.of(ON, new ScriptedModel(u -> ""), LlmChatTest.class, "/llm/missing.txt"));
    }
}
