package dev.learnflow.codereview.service;

import dev.learnflow.codereview.domain.ReviewReport;

import dev.learnflow.codereview.domain.Analysis;
import dev.learnflow.codereview.client.LlmNarrator;
import dev.learnflow.codereview.client.ReviewSandbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Reviews one program: rule findings from the sandboxed analysis, a score, a summary, and an optional narrative. */
@ApplicationScoped
public class CodeReviewer {

    private final ReviewSandbox sandbox;
    private final LlmNarrator narrator;

    @Inject
    public CodeReviewer(ReviewSandbox sandbox, LlmNarrator narrator) {
        this.sandbox = sandbox;
        this.narrator = narrator;
    }

    /**
     * @throws dev.learnflow.codereview.client.SandboxUnavailableException when the analysis could not run now
     */
    public ReviewReport review(String code) {
        Analysis analysis = sandbox.analyse(code);
        if (!analysis.succeeded()) {
            return new ReviewReport(List.of(), 0, "This program could not be reviewed automatically: "
                    + analysis.failure() + ". Try a shorter or simpler version.", null, false, analysis.stats());
        }
        int score = ReviewScoring.score(analysis.findings());
        ReviewReport report = new ReviewReport(analysis.findings(), score,
                ReviewScoring.summary(analysis.findings(), score), null, true, analysis.stats());
        return narrator.narrate(code, report).map(report::withNarrative).orElse(report);
    }
}
