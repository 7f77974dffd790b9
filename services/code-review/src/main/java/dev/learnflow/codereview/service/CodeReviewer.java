package dev.learnflow.codereview.service;

import dev.learnflow.codereview.client.LlmReviewWriter;
import dev.learnflow.codereview.client.ReviewSandbox;
import dev.learnflow.codereview.domain.Analysis;
import dev.learnflow.codereview.domain.Finding;
import dev.learnflow.codereview.domain.ModelReview;
import dev.learnflow.codereview.domain.ReviewReport;
import dev.learnflow.platform.guard.AnswerPolicy;
import dev.learnflow.platform.guard.GuardContext;
import dev.learnflow.platform.guard.GuardedAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Reviews one program: rule findings from the sandboxed analysis, a score and a summary in the checker's words;
 * with an LLM, the model may reword the summary and each finding's message and suggestion, but every part it
 * writes passes the output guard (policy REVIEW, against the student's code) or is replaced by the checker's text.
 */
@ApplicationScoped
public class CodeReviewer {

    static final String SUMMARY = "summary";

    private final ReviewSandbox sandbox;
    private final LlmReviewWriter writer;

    @Inject
    public CodeReviewer(ReviewSandbox sandbox, LlmReviewWriter writer) {
        this.sandbox = sandbox;
        this.writer = writer;
    }

    public ReviewReport review(String code) {
        return review(code, null);
    }

    /**
     * @param studentMessage what the student said with the code (data for the model, never instructions), or null
     * @throws dev.learnflow.platform.clients.CodeExecutionClient.Unavailable when the analysis could not run now
     */
    public ReviewReport review(String code, String studentMessage) {
        Analysis analysis = sandbox.analyse(code);
        if (!analysis.succeeded()) {
            return new ReviewReport(List.of(), 0, "This program could not be reviewed automatically: "
                    + analysis.failure() + ". Try a shorter or simpler version.", false, analysis.stats());
        }
        int score = ReviewScoring.score(analysis.findings());
        ReviewReport report = new ReviewReport(analysis.findings(), score,
                ReviewScoring.summary(analysis.findings(), score), true, analysis.stats());
        return writer.write(code, studentMessage, report).map(parts -> guarded(code, report, parts)).orElse(report);
    }

    /**
     * The report in the model's words where they pass the guard. Code-review does not know the exercise's
     * reference solution (no service hands it out), so the guard compares with the student's code only; REVIEW
     * allows no code at all, so a solution in any form is refused as code.
     */
    static ReviewReport guarded(String code, ReviewReport report, ModelReview parts) {
        GuardedAnswer answer = GuardedAnswer.with(GuardContext.of(AnswerPolicy.REVIEW, code));
        String summary = answer.part(SUMMARY, parts.summary(), report.summary());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            ModelReview.Part part = parts.forFinding(i + 1);
            String prefix = "findings[" + i + "].";
            String message = answer.part(prefix + "message", part == null ? null : part.message(), f.message());
            String suggestion = answer.part(prefix + "suggestion", part == null ? null : part.suggestion(),
                    f.suggestion());
            findings.add(new Finding(f.rule(), f.line(), f.column(), f.severity(), message, f.explanation(),
                    suggestion));
        }
        return report.worded(findings, summary, answer.provenance());
    }
}
