package dev.learnflow.codereview.mapping;

import dev.learnflow.codereview.domain.Finding;
import dev.learnflow.codereview.domain.ReviewReport;
import dev.learnflow.contracts.answers.ErrorReply;
import dev.learnflow.contracts.answers.ReviewResult;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.CodeSubmitted;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.events.Verb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds what a review sends out: the answer on learning.responses and the activity on progress.events. */
public final class ReviewMessages {

    public static final String RESPONDER = "code-review";

    private ReviewMessages() {
    }

    public static LearningResponded answer(CodeSubmitted submission, ReviewReport report, Instant now) {
        ReviewResult data = new ReviewResult(report.findings().stream().map(ReviewMessages::finding).toList(),
                report.score(), report.summary(), report.analysed(), report.provenance(),
                submission.submissionId().toString());
        return new LearningResponded(submission.requestId(), submission.userId(), null, ResponseKind.REVIEW,
                RESPONDER, markdown(report), data, now);
    }

    /** For code we cannot review (another language): the student still gets an answer. */
    public static LearningResponded unsupported(CodeSubmitted submission, Instant now) {
        return new LearningResponded(submission.requestId(), submission.userId(), null, ResponseKind.ERROR,
                RESPONDER, "I can only review Python code so far.",
                new ErrorReply("unsupported_language", String.valueOf(submission.language())), now);
    }

    private static ReviewResult.Finding finding(Finding f) {
        return new ReviewResult.Finding(f.rule(), f.line(), f.column(), f.severity().value(), f.message(),
                f.explanation(), f.suggestion());
    }

    public static ProgressRecorded activity(CodeSubmitted submission, ReviewReport report, long durationMs,
                                            Instant now) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("findings", report.findings().size());
        context.put("rules", report.findings().stream().map(Finding::rule).distinct().sorted().toList());
        if (submission.exerciseId() != null) {
            context.put("exerciseId", submission.exerciseId().toString());
        }
        ActivityResult result = new ActivityResult(null, report.analysed() ? report.score() / 100.0 : null, null,
                Math.max(0, durationMs), null);
        return new ProgressRecorded(submission.requestId(), submission.userId(), Verb.REVIEWED,
                new ActivityObject(ActivityType.REVIEW, submission.submissionId().toString(), submission.topicId()),
                result, context, now);
    }

    static String markdown(ReviewReport report) {
        StringBuilder text = new StringBuilder("**Code review** — ").append(report.summary()).append('\n');
        List<Finding> findings = report.findings();
        if (!findings.isEmpty()) {
            text.append('\n');
            for (Finding f : findings) {
                text.append("- **Line ").append(f.line()).append("** (").append(f.severity().value()).append(", `")
                        .append(f.rule()).append("`): ").append(f.message()).append(' ').append(f.explanation())
                        .append("\n  *Try this:* ").append(f.suggestion()).append('\n');
            }
        }
        return text.toString();
    }
}
