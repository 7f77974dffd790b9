package dev.learnflow.codereview.service;

import dev.learnflow.codereview.domain.Finding;
import dev.learnflow.codereview.domain.Severity;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns findings into a score and a two-sentence summary. Each rule counts at most {@value #COUNTED_PER_RULE}
 * times, so one habit repeated all over a program does not drive the score to zero on its own.
 */
public final class ReviewScoring {

    static final int COUNTED_PER_RULE = 3;
    static final String SYNTAX_ERROR = "syntax-error";

    private ReviewScoring() {
    }

    public static int score(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> SYNTAX_ERROR.equals(f.rule()))) {
            return 0;
        }
        Map<String, Integer> counted = new LinkedHashMap<>();
        int penalty = 0;
        for (Finding f : findings) {
            int n = counted.merge(f.rule(), 1, Integer::sum);
            if (n <= COUNTED_PER_RULE) {
                penalty += f.severity().penalty();
            }
        }
        return Math.max(0, 100 - penalty);
    }

    public static String summary(List<Finding> findings, int score) {
        if (findings.isEmpty()) {
            return "Score " + score + "/100. Clean code: none of the review's checks found anything to improve.";
        }
        if (findings.stream().anyMatch(f -> SYNTAX_ERROR.equals(f.rule()))) {
            Finding f = findings.stream().filter(x -> SYNTAX_ERROR.equals(x.rule())).findFirst().orElseThrow();
            return "Score 0/100. Python cannot read this program yet (line " + f.line()
                    + "): fix the syntax error first, then ask for a review again.";
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long tips = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
        Finding first = findings.stream()
                .min(Comparator.comparing(Finding::severity).thenComparingInt(Finding::line))
                .orElseThrow();
        return "Score " + score + "/100: " + counts(errors, warnings, tips) + ". Start with line " + first.line()
                + ": " + first.message();
    }

    private static String counts(long errors, long warnings, long tips) {
        StringBuilder text = new StringBuilder();
        append(text, errors, "problem");
        append(text, warnings, "warning");
        append(text, tips, "style tip");
        return text.toString();
    }

    private static void append(StringBuilder text, long n, String noun) {
        if (n == 0) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(", ");
        }
        text.append(n).append(' ').append(noun).append(n == 1 ? "" : "s");
    }
}
