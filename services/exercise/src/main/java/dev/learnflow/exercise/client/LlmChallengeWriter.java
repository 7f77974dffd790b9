package dev.learnflow.exercise.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.exercise.domain.ExerciseTest;
import dev.learnflow.platform.llm.LlmChat;
import dev.learnflow.platform.llm.LlmSwitch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Asks an OpenAI-compatible LLM for a brand-new challenge as JSON. What comes back is only a candidate: the
 * generator accepts it only after its reference solution passes all of its tests in the sandbox.
 */
@ApplicationScoped
public class LlmChallengeWriter {

    private static final Logger LOG = Logger.getLogger(LlmChallengeWriter.class);

    static final String SYSTEM_PROMPT = "/exercise-llm/challenge-system-prompt.txt";

    private final LlmChat chat;
    private final ObjectMapper mapper;

    /** A challenge as the LLM proposed it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Draft(String title, String prompt, String starterCode, String referenceSolution,
                        List<ExerciseTest> tests) {
    }

    @Inject
    public LlmChallengeWriter(LlmSwitch llmSwitch, ChatModel chatModel, ObjectMapper mapper) {
        this.chat = LlmChat.of(llmSwitch, chatModel, LlmChallengeWriter.class, SYSTEM_PROMPT);
        this.mapper = mapper;
    }

    public boolean enabled() {
        return chat.enabled();
    }

    /** A draft for the topic, or empty when the LLM failed or answered something unusable. */
    public Optional<Draft> write(ExerciseRepository.TopicInfo topic, Difficulty difficulty) {
        String ask = "Topic: " + topic.title() + " (" + topic.id() + ")\nWhat the student has learnt: "
                + topic.summary() + "\nDifficulty: " + difficulty.value()
                + "\nWrite one exercise that practises exactly this topic.";
        // One JSON object and nothing else (a whole-reply ```json fence is tolerated); anything else is a failed call.
        try {
            return chat.askFor(ask, JsonNode.class, JsonNode::isObject).map(this::read);
        } catch (IllegalArgumentException e) {
            LOG.warnf("LLM challenge reply is not a challenge (%s); a template is used instead", e.getMessage());
            return Optional.empty();
        }
    }

    private Draft read(JsonNode json) {
        try {
            return mapper.treeToValue(json, Draft.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("LLM answer is not a challenge: " + e.getMessage(), e);
        }
    }
}
