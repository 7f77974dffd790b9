package dev.learnflow.debug.service;

import dev.learnflow.contracts.api.ProgramFeedback;
import dev.learnflow.contracts.domain.TestCase;
import dev.learnflow.contracts.domain.TestVisibility;
import dev.learnflow.debug.client.DiagnosisRunner;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ParsedError;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.domain.ProgramDiagnosis.CaseResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feedback on a program checked against given test cases (an exercise's, hidden ones included): the same diagnosis
 * and hint levels as a debug answer about a wrong result, for the exercise service's grades. Hidden tests are run
 * but only their category is named; a {@code hidden_unless_failing} test is shown only when it fails. Stateless:
 * the grade is the exercise service's record, so nothing is counted in the student's error patterns here.
 */
@ApplicationScoped
public class TestCaseFeedback {

    static final int MAX_LEVEL = 3;
    /** The harness's answer for a program that does not parse: "SyntaxError: invalid syntax (line 3)". */
    private static final Pattern NOT_PARSED = Pattern.compile("^(\\w+): (.*) \\(line (\\d+|None)\\)$", Pattern.DOTALL);

    private final DiagnosisRunner diagnoser;

    public TestCaseFeedback(DiagnosisRunner diagnoser) {
        this.diagnoser = diagnoser;
    }

    /**
     * Hints 1..{@code level} on the first failing shown test (a hidden one when only hidden tests fail), notes on the
     * failing hidden tests and the diagnosis. Empty when the program and its tests are too large for the harness or
     * it gave no answer. A busy or unreachable sandbox throws {@code CodeExecutionClient.Unavailable}.
     */
    public Optional<ProgramFeedback> feedback(String code, List<TestCase> tests, int level) {
        int upTo = Math.max(1, Math.min(MAX_LEVEL, level));
        List<dev.learnflow.debug.domain.TestCase> cases = tests.stream().map(TestCaseFeedback::harnessCase).toList();
        Optional<ProgramDiagnosis> found = diagnoser.diagnose(code, cases);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CodeFacts facts = new CodeFacts(code);
        if (found.get().error() != null) {
            return Optional.of(notParsed(found.get().error(), facts, upTo));
        }
        ProgramDiagnosis diagnosis = hideWhatPassed(found.get(), tests);
        String kind = WrongResultHints.kind(diagnosis);
        List<Hint> hints;
        if (kind.equals("all_passed")) {
            hints = List.of();
        } else if (kind.equals("crash") && diagnosis.findings().stream().noneMatch(ProgramDiagnosis.Finding::repaired)) {
            hints = crashHints(diagnosis, facts, upTo);
        } else {
            hints = WrongResultHints.hints(diagnosis, facts, upTo);
        }
        return Optional.of(new ProgramFeedback(kind, upTo, MAX_LEVEL, wire(hints),
                HiddenCaseNotes.notes(tests, diagnosis.cases()), WrongResultHints.data(diagnosis)));
    }

    /** A shown test is the student's; a hidden one never is; a hidden-unless-failing one is only while it fails. */
    private static dev.learnflow.debug.domain.TestCase harnessCase(TestCase test) {
        boolean hidden = test.visibility() == TestVisibility.HIDDEN;
        return test.callStyle()
                ? new dev.learnflow.debug.domain.TestCase(test.call(), null, test.expected(), null, null, hidden,
                "exercise")
                : new dev.learnflow.debug.domain.TestCase(null, test.stdin() == null ? "" : test.stdin(),
                test.expectedStdout(), null, null, hidden, "exercise");
    }

    private static ProgramDiagnosis hideWhatPassed(ProgramDiagnosis diagnosis, List<TestCase> tests) {
        List<CaseResult> cases = new ArrayList<>(diagnosis.cases());
        for (int i = 0; i < Math.min(cases.size(), tests.size()); i++) {
            CaseResult c = cases.get(i);
            if (tests.get(i).visibility() == TestVisibility.HIDDEN_UNLESS_FAILING && c.passed() && !c.runaway()) {
                cases.set(i, new CaseResult(c.call(), c.stdin(), c.expected(), c.actual(), true, c.error(), true,
                        c.source(), false, c.printed(), c.errorLine()));
            }
        }
        return new ProgramDiagnosis(cases, diagnosis.failing(), diagnosis.trace(), diagnosis.findings(),
                diagnosis.suspicious(), diagnosis.category(), diagnosis.loop(), diagnosis.error());
    }

    /**
     * A failing case that crashes, with no logic bug behind it: the crash hints (where, what, how), level 1 opened
     * with the failing case. A hidden case's exception message is dropped (it can quote the hidden input).
     */
    private static List<Hint> crashHints(ProgramDiagnosis diagnosis, CodeFacts facts, int upTo) {
        CaseResult failing = diagnosis.failingCase();
        String[] typeAndMessage = failing.error().split(":\\s*", 2);
        String message = failing.hidden() || typeAndMessage.length < 2 ? "" : typeAndMessage[1];
        ParsedError error = new ParsedError(typeAndMessage[0].strip(), message, failing.errorLine(), null, null,
                List.of());
        List<Hint> hints = new ArrayList<>(HintComposer.hints(error, ErrorCatalog.diagnose(error, facts), facts, upTo));
        hints.set(0, new Hint(1, WrongResultHints.observed(diagnosis) + " " + hints.get(0).text()));
        return hints;
    }

    private static ProgramFeedback notParsed(String harnessError, CodeFacts facts, int upTo) {
        Matcher m = NOT_PARSED.matcher(harnessError);
        ParsedError error = m.matches()
                ? new ParsedError(m.group(1), m.group(2), m.group(3).equals("None") ? null : Integer.valueOf(m.group(3)),
                null, null, List.of())
                : new ParsedError("SyntaxError", harnessError, null, null, null, List.of());
        List<Hint> hints = HintComposer.hints(error, ErrorCatalog.diagnose(error, facts), facts, upTo);
        return new ProgramFeedback("syntax_error", upTo, MAX_LEVEL, wire(hints), List.of(), null);
    }

    /** The offline texts, as a debug answer publishes them (only a model's wording needs the output guard). */
    static List<ProgramFeedback.Hint> wire(List<Hint> hints) {
        return hints.stream().map(h -> new ProgramFeedback.Hint(h.level(), h.label(), h.text())).toList();
    }
}
