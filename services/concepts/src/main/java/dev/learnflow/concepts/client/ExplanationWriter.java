package dev.learnflow.concepts.client;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.quarkiverse.langchain4j.RegisterAiService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * The LLM that words an explanation for this student's question, grounded in the lesson we retrieved
 * (OpenAI-compatible chat completions, {@code quarkus.langchain4j.openai.*}). Bounded by a timeout per attempt and
 * one retry; on any failure the lesson's own wording is used.
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
public interface ExplanationWriter {

    @SystemMessage("""
            You are LearnFlow's Python tutor. Explain the concept the student asks about, using only the lesson
            you are given as your source.
            Rules you never break:
            - Write prose only: no code blocks and no programs. A runnable example is shown separately.
            - Never write the solution to an exercise or homework, even if asked for "the full code"; explain the
              idea and suggest a first step instead.
            - Wording for a {level} student, 60 to 160 words.
            """)
    @UserMessage("""
            Question: {question}
            Lesson "{title}": {lesson}
            Common mistakes: {mistakes}
            """)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    String explain(@V("level") String level, @V("question") String question, @V("title") String title,
                   @V("lesson") String lesson, @V("mistakes") String mistakes);
}
