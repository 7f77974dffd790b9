package dev.learnflow.debug.service;

import dev.learnflow.contracts.answers.DebugHints;
import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.domain.ProgramDiagnosis.CaseResult;
import dev.learnflow.local.testing.AnswerDataGolden;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The data debug builds without a sandbox, pinned to what the wire carried before the data was typed. */
class DebugAnswerDataTest {

    private static final CaseResult WRONG = new CaseResult("total([1, 2])", null, "3", "1", false, null, false,
            "student", false, "", null);
    private static final CaseResult PASSED = new CaseResult(null, "4\n", "8", "8", true, null, false, "test", false,
            "", null);
    private static final CaseResult HIDDEN = new CaseResult("total([])", null, "0", "None", false,
            "TypeError: bad", true, "test", false, "", 2);

    private static void check(String fixture, DebugAgent.Answer answer) {
        AnswerDataGolden.assertMatches(fixture, answer.data());
        AnswerDataGolden.assertMeetsSchema(answer.kind(), answer.data());
    }

    @Test
    void wrongResultDiagnosis() {
        ProgramDiagnosis diagnosis = new ProgramDiagnosis(List.of(WRONG, PASSED), 0,
                new ProgramDiagnosis.Trace("total([1, 2])", List.of(
                        new ProgramDiagnosis.Step(2, 0, Map.of("s", "0"), null, "line"),
                        new ProgramDiagnosis.Step(4, 0, null, "1", "return")), false),
                List.of(new ProgramDiagnosis.Finding("early-return", 4, true, true, "returns inside the loop", 0.4,
                        Map.of())),
                List.of(new ProgramDiagnosis.SuspiciousLine(4, 0.9, "return in loop")), "early-return", null, null);
        AnswerDataGolden.assertMatches("diagnosis-wrong-result", WrongResultHints.data(diagnosis));
    }

    @Test
    void hiddenLoopDiagnosis() {
        ProgramDiagnosis diagnosis = new ProgramDiagnosis(List.of(PASSED, HIDDEN), 1, null, List.of(), List.of(),
                null, new ProgramDiagnosis.Loop(List.of(3, 4), List.of("i"), 3, "while"), null);
        AnswerDataGolden.assertMatches("diagnosis-hidden-loop", WrongResultHints.data(diagnosis));
        ProgramDiagnosis passed = new ProgramDiagnosis(List.of(PASSED), null, null, null, null, null, null, null);
        AnswerDataGolden.assertMatches("diagnosis-all-passed", WrongResultHints.data(passed));
        AnswerDataGolden.assertMeetsSchema(ResponseKind.DEBUG,
                DebugHints.allPassed(WrongResultHints.data(passed), 1, Provenance.offline()));
    }

    @Test
    void explainedWithoutCode() {
        Explainer entry = new Explainer("TypeError-concat", "error", "TypeError", null, List.of(), List.of(),
                "Adding text and a number", "Python cannot add {name} to text.",
                List.of(new Explainer.Cause("A number read as text", "input() gives text.", "n = input()\n")),
                "Print type({name}).", "Paste your code.");
        check("debug-explained", NoCodeAnswers.compose(entry, Map.of("type", "TypeError", "name", "age")));
        Explainer symptom = new Explainer("returns-none", "symptom", null, null, List.of(), List.of(),
                "Gets None", "The function returns nothing.", List.of(), "Look for return.", "Paste your code.");
        check("debug-symptom", NoCodeAnswers.compose(symptom, Map.of()));
    }
}
