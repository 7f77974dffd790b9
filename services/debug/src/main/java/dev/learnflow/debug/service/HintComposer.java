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
        // The kind of statement, never the whole line: the line may stay as it is in the fixed program.
        String shown = error.line() == null ? null : code.line(error.line()).map(String::strip)
                .filter(l -> !l.isEmpty()).or(() -> java.util.Optional.ofNullable(error.codeLine()))
                .flatMap(WrongResultHints::statementKind).orElse(null);
        return AnswerText.lookAt(error.line(), error.function(), shown, diagnosis.focus());
    }
}
