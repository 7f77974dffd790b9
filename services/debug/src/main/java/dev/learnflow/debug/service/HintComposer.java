package dev.learnflow.debug.service;

import dev.learnflow.debug.domain.Diagnosis;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ParsedError;

import java.util.ArrayList;
import java.util.List;

/** Turns a diagnosis into the graded hints of the offline tutor. */
public final class HintComposer {

    private HintComposer() {
    }

    /** Hints 1..level (level is clamped to 1..3): a student sees every earlier level again with the new one. */
    public static List<Hint> hints(ParsedError error, Diagnosis diagnosis, CodeFacts code, int level) {
        int upTo = Math.max(1, Math.min(3, level));
        List<Hint> hints = new ArrayList<>(3);
        hints.add(new Hint(1, whereToLook(error, diagnosis, code)));
        if (upTo >= 2) {
            hints.add(new Hint(2, diagnosis.problem()));
        }
        if (upTo >= 3) {
            hints.add(new Hint(3, diagnosis.fix()));
        }
        return hints;
    }

    static String whereToLook(ParsedError error, Diagnosis diagnosis, CodeFacts code) {
        String shown = error.line() == null ? null : code.line(error.line()).map(String::strip)
                .filter(l -> !l.isEmpty()).or(() -> java.util.Optional.ofNullable(error.codeLine()))
                .map(HintComposer::inline).orElse(null);
        return AnswerText.lookAt(error.line(), error.function(), shown, diagnosis.focus());
    }

    /** The student's own line as inline code; long lines are cut so a hint never carries a block of code. */
    private static String inline(String line) {
        String cut = line.length() > 80 ? line.substring(0, 77) + "..." : line;
        return "`" + cut.replace("`", "'") + "`";
    }
}
