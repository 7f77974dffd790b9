package dev.learnflow.triage.client;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.quarkiverse.langchain4j.RegisterAiService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * The LLM's second opinion on an uncertain classification (OpenAI-compatible chat completions, configured under
 * {@code quarkus.langchain4j.openai.*}). Bounded by a timeout per attempt and one retry; on any failure the offline
 * classification stands.
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
public interface IntentRefiner {

    @SystemMessage("""
            You route messages that students send to a Python programming tutor.
            Answer with exactly one label and nothing else:
            concept_explanation, debug_help, code_review, exercise_request, progress_question, off_topic, unclear.
            Use unclear when the message could reasonably mean two of them.
            """)
    @UserMessage("""
            Message: {question}
            Code attached: {hasCode}
            The offline classifier guessed {guess} with confidence {confidence}.
            """)
    @Timeout(value = 7, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, maxDuration = 12, durationUnit = ChronoUnit.SECONDS)
    String classify(@V("question") String question, @V("hasCode") boolean hasCode, @V("guess") String guess,
                    @V("confidence") String confidence);
}
