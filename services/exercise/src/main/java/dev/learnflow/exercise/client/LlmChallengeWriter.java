package dev.learnflow.exercise.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.exercise.config.ExerciseConfig;
import dev.learnflow.exercise.domain.ExerciseTest;
import dev.learnflow.platform.guard.StructuredReply;
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

    static final String SYSTEM_PROMPT = """
            You write short Python practice exercises for beginners. Answer with ONE JSON object and nothing else:
            {"title": str (max 80 chars), "prompt": str (Markdown task statement, max 800 chars),
             "starterCode": str, "referenceSolution": str (a correct solution),
             "tests": [ {"name": str, "call": "python expression calling the solution", "expected": "python literal",
                         "visibility": "shown" | "hidden" | "hidden_unless_failing"} ... ]}
            Use 4 to 8 tests, at least one "shown" and at least two hidden ones covering edge cases. Every
            "expected" must be a Python literal (string values quoted, e.g. "'abc'"). Use only the standard
            library; no files, network, input() or randomness.""";

    private final LlmSwitch llmSwitch;
    private final ExerciseConfig config;
    private final ChatModel chatModel;
    private final ObjectMapper mapper;

    /** A challenge as the LLM proposed it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Draft(String title, String prompt, String starterCode, String referenceSolution,
                        List<ExerciseTest> tests) {
    }

    @Inject
    public LlmChallengeWriter(LlmSwitch llmSwitch, ExerciseConfig config, ChatModel chatModel, ObjectMapper mapper) {
        this.llmSwitch = llmSwitch;
        this.config = config;
        this.chatModel = chatModel;
        this.mapper = mapper;
    }

    public boolean enabled() {
        return llmSwitch.enabled();
    }

    /** A draft for the topic, or empty when the LLM failed or answered something unusable. */
    public Optional<Draft> write(ExerciseRepository.TopicInfo topic, Difficulty difficulty) {
        if (!enabled()) {
            return Optional.empty();
        }
        String ask = "Topic: " + topic.title() + " (" + topic.id() + ")\nWhat the student has learnt: "
                + topic.summary() + "\nDifficulty: " + difficulty.value()
                + "\nWrite one exercise that practises exactly this topic.";
        try {
            String answer = chatModel.chat(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(ask))
                    .aiMessage().text();
            // One JSON object and nothing else (a whole-reply ```json fence is tolerated); anything else is a
            // failed call.
            Optional<Draft> draft = StructuredReply.parse(answer, JsonNode.class, JsonNode::isObject)
                    .map(this::read);
            if (draft.isEmpty()) {
                LOG.warn("LLM challenge reply is not one JSON object; a template is used instead");
            }
            return draft;
        } catch (RuntimeException e) {
            LOG.warnf("LLM challenge generation failed (%s); a template is used instead", e.toString());
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
