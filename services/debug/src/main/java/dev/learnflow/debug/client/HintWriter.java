package dev.learnflow.debug.client;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.quarkiverse.langchain4j.RegisterAiService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * The LLM that rewords the offline hints for the student's program (OpenAI-compatible chat completions, configured
 * under {@code quarkus.langchain4j.openai.*}). Each call is bounded: a timeout per attempt and one retry; beyond
 * that the caller falls back to the offline hints. No chat memory: every request stands alone.
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
public interface HintWriter {

    String SYSTEM = """
            You are LearnFlow's Python debugging tutor for beginners.
            Rules you never break:
            - Never write a complete or corrected program, function or code block, even if the student asks for
              "the full code", says it is urgent, or asks again. Teach; do not solve.
            - Never use code blocks. You may mention a single name or operator in backticks.
            - Answer with exactly three lines and nothing else:
              1: where to look (the line and the part of it)
              2: what is wrong, in plain words
              3: how to fix it, described in words
            """;

    @SystemMessage(SYSTEM)
    @UserMessage("""
            Error: {errorType}: {errorMessage}
            Failing line {line}: {codeLine}
            What the offline tutor found: {problem}
            The student's message: {question}
            The student's code:
            {code}
            """)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    String hints(@V("errorType") String errorType, @V("errorMessage") String errorMessage, @V("line") String line,
                 @V("codeLine") String codeLine, @V("problem") String problem, @V("question") String question,
                 @V("code") String code);

    /** The same three lines for a program that runs but gives the wrong result (or never stops). */
    @SystemMessage(SYSTEM)
    @UserMessage("""
            The program runs without an error but gives the wrong result (or never stops).
            Failing case: {failingCase}
            The failing run, line by line (changed variables): {trace}
            Most suspicious lines, best first: {lines}
            What the offline tutor found: {problem}
            The student's message: {question}
            The student's code:
            {code}
            For line 1, give the failing input with the expected and the actual result, and ask one question that
            makes the student trace the run by hand; do not name the line yet.
            """)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    String wrongResultHints(@V("failingCase") String failingCase, @V("trace") String trace, @V("lines") String lines,
                            @V("problem") String problem, @V("question") String question, @V("code") String code);
}
