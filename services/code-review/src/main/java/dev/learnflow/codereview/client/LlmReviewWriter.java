package dev.learnflow.codereview.client;

import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.codereview.domain.Finding;
import dev.learnflow.codereview.domain.ModelReview;
import dev.learnflow.codereview.domain.ReviewReport;
import dev.learnflow.platform.guard.UntrustedText;
import dev.learnflow.platform.llm.LlmChat;
import dev.learnflow.platform.llm.LlmSwitch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Asks an OpenAI-compatible LLM to word a review's parts (summary, per-finding message and suggestion) as JSON.
 * Optional by design: without configuration, when the call fails, or when the reply is not that JSON, the review
 * keeps the rule engine's own words (platform's {@link LlmChat}). The student's code and message travel as delimited
 * data ({@link UntrustedText}); what comes back is only a candidate for the output guard.
 */
@ApplicationScoped
public class LlmReviewWriter {

    static final int CODE_SHOWN_MAX = 6_000;
    static final String SYSTEM_PROMPT = "/review/llm-system-prompt.txt";

    private final LlmChat chat;

    @Inject
    public LlmReviewWriter(LlmSwitch settings, ChatModel chatModel) {
        this.chat = LlmChat.of(settings, chatModel, LlmReviewWriter.class, SYSTEM_PROMPT);
    }

    public boolean enabled() {
        return chat.enabled();
    }

    /** The model's parts, or empty when no LLM is configured, it failed, or its reply broke the schema. */
    public Optional<ModelReview> write(String code, String studentMessage, ReviewReport report) {
        return chat.askFor(prompt(code, studentMessage, report), ModelReview.class,
                review -> review.fits(report.findings().size()));
    }

    static String prompt(String code, String studentMessage, ReviewReport report) {
        String shown = code.length() <= CODE_SHOWN_MAX ? code : code.substring(0, CODE_SHOWN_MAX) + "\n# …(cut)";
        String findings = report.findings().isEmpty() ? "(none)" : IntStream.range(0, report.findings().size())
                .mapToObj(i -> line(i + 1, report.findings().get(i)))
                .collect(Collectors.joining("\n"));
        return "Score: " + report.score() + "/100\nFindings:\n" + findings + "\n\nThe student's program:\n"
                + UntrustedText.code(shown) + "\n\nWhat the student said:\n" + UntrustedText.message(studentMessage);
    }

    private static String line(int index, Finding f) {
        return index + ". line " + f.line() + " [" + f.rule() + ", " + f.severity().value() + "] " + f.message();
    }
}
