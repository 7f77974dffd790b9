package dev.learnflow.debug;

import dev.learnflow.platform.guard.AnswerPolicy;
import dev.learnflow.platform.guard.GuardContext;
import dev.learnflow.platform.guard.OutputGuard;

/** What the tests hold every published hint to: platform's output guard with the hint policy. */
final class HintPolicy {

    private HintPolicy() {
    }

    /** Why {@code text} could not be published as a hint about {@code program}; empty when it could. */
    static java.util.List<String> violations(String text, String program) {
        return OutputGuard.check(text, GuardContext.of(AnswerPolicy.HINT, program)).reasons();
    }
}
