package dev.learnflow.debug.service;

import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ModelHints;
import dev.learnflow.platform.guard.AnswerPolicy;
import dev.learnflow.platform.guard.GuardContext;
import dev.learnflow.platform.guard.GuardedAnswer;

import java.util.List;
import java.util.Optional;

/**
 * The hints a student reads. A level the model wrote replaces the offline text of that level only when it passes
 * platform's output guard (policy HINT, compared with the student's program); a level that fails, or that the model
 * left out, keeps the offline text. {@code provenance} is what the answer's data records: {@code source}
 * (offline, llm or mixed) and the {@code replaced} levels with the guard's reasons.
 *
 * @param hints      the levels to publish, 1..requested
 * @param provenance {@code source} and {@code replaced}
 */
record GuardedHints(List<Hint> hints, Provenance provenance) {

    /**
     * @param studentProgram what the guard compares against: the student's code, or the failing line the traceback
     *                       printed when no code came with it
     */
    static GuardedHints of(List<Hint> offline, Optional<ModelHints> model, String studentProgram) {
        GuardedAnswer answer = GuardedAnswer.with(GuardContext.of(AnswerPolicy.HINT, studentProgram));
        List<Hint> hints = model.map(written -> offline.stream().map(hint -> new Hint(hint.level(),
                answer.part(part(hint), written.text(hint.level()), hint.text()))).toList()).orElse(offline);
        return new GuardedHints(hints, answer.provenance());
    }

    /** The part's name in {@code data.replaced}: where its text stands in {@code data.hints}. */
    static String part(Hint hint) {
        return "hints[" + (hint.level() - 1) + "].text";
    }

    String source() {
        return provenance.source();
    }
}
