package dev.learnflow.codereview.client;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.learnflow.codereview.domain.Finding;
import dev.learnflow.codereview.domain.ModelReview;
import dev.learnflow.codereview.domain.ReviewReport;
import dev.learnflow.platform.guard.StructuredReply;
import dev.learnflow.platform.guard.UntrustedText;
import dev.learnflow.platform.llm.LlmSwitch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Asks an OpenAI-compatible LLM to word a review's parts (summary, per-finding message and suggestion) as JSON.
 * Optional by design: without configuration, when the call fails, or when the reply is not that JSON, the review
 * keeps the rule engine's own words. The student's code and message travel as delimited data
 * ({@link UntrustedText}); what comes back is only a candidate for the output guard.
 */
@ApplicationScoped
public class LlmReviewWriter {

    private static final Logger LOG = Logger.getLogger(LlmReviewWriter.class);
    static final int CODE_SHOWN_MAX = 6_000;
    static final String SYSTEM_PROMPT = resource("/review/llm-system-prompt.txt") + "\n" + UntrustedText.RULE;

    private final LlmSwitch settings;
    private final ChatModel chatModel;

    @Inject
    public LlmReviewWriter(LlmSwitch settings, ChatModel chatModel) {
        this.settings = settings;
        this.chatModel = chatModel;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The model's parts, or empty when no LLM is configured, it failed, or its reply broke the schema. */
    public Optional<ModelReview> write(String code, String studentMessage, ReviewReport report) {
        if (!enabled()) {
            return Optional.empty();
        }
        String reply;
        try {
            reply = chatModel.chat(SystemMessage.from(SYSTEM_PROMPT),
                    UserMessage.from(prompt(code, studentMessage, report))).aiMessage().text();
        } catch (RuntimeException e) {
            LOG.warnf("LLM review failed, the review keeps the checker's words: %s", e.toString());
            return Optional.empty();
        }
        Optional<ModelReview> parts = StructuredReply.parse(reply, ModelReview.class,
                review -> review.fits(report.findings().size()));
        if (parts.isEmpty()) {
            LOG.warn("LLM review reply is not the review JSON; treated as a failed call");
        }
        return parts;
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

    private static String resource(String path) {
        try (InputStream in = LlmReviewWriter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
