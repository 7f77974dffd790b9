package dev.learnflow.debug.service;

import dev.learnflow.contracts.answers.AnswerData;
import dev.learnflow.contracts.answers.Clarification;
import dev.learnflow.contracts.answers.DebugHints;
import dev.learnflow.contracts.answers.DebugRun;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.domain.StruggleReason;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.DebugRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.debug.client.DiagnosisRunner;
import dev.learnflow.debug.client.ErrorHistoryStore;
import dev.learnflow.debug.client.LlmHintWriter;
import dev.learnflow.debug.config.DebugConfig;
import dev.learnflow.debug.domain.Diagnosis;
import dev.learnflow.debug.domain.ErrorHistory;
import dev.learnflow.debug.domain.Expectations;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ModelHints;
import dev.learnflow.debug.domain.ParsedError;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.platform.clients.CodeExecutionClient;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.state.ProcessedEvents;
import dev.learnflow.platform.state.StateStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers one debug request: find the error (pasted, or by running the code in the sandbox), explain it, give the
 * hint levels asked for, learn the student's error pattern and raise a struggle signal when it repeats. Idempotent
 * per request id (platform's {@link ProcessedEvents}): a redelivered request is acknowledged, not answered again.
 */
@ApplicationScoped
public class DebugAgent {

    static final String RESPONDER = "debug";
    /** "give me the full code", "just write the solution", "the corrected program please" ... */
    static final Pattern SOLUTION_REQUEST = Pattern.compile(
            "(?i)\\b(full|complete|whole|entire|corrected|fixed|final|working|right)\\s+(code|solution|program|"
                    + "answer|version|script)\\b|\\bjust\\s+(give|write|send|show|tell)\\b|\\b(write|fix|solve|do)\\s+"
                    + "(it|this|the code|the program)\\s+for\\s+me\\b|\\bgive me the (code|solution|answer)\\b");

    /** Words of a result that is not what it should be: "always just the last number", "still there", "??". */
    private static final Pattern REPORTS_A_WRONG_RESULT = Pattern.compile("(?i)\\b(?:always|never|only|still|just|"
            + "instead|wrong|not|\\w+n'?t|isnt|doesnt|wont|cant|same|every(?:one|body|thing)?|whole|both|again|twice|"
            + "missing|skips?|skipped|why|how come|supposed|should|expected|weird|broken|changes?|changed)\\b|\\?\\?|!!");
    /** A number in the student's words ("9", "-3", "2.5"), not part of a name ("item2"). */
    private static final Pattern NUMBER_SAID = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.])");
    /** At most this many of them are typed in. */
    private static final int MOST_TYPED = 6;
    /** "[Errno 2] No such file or directory: 'names.txt'": the path. */
    private static final Pattern MISSING_FILE = Pattern.compile("No such file or directory: '([^']+)'");
    /** A missing file in the student's own words. */
    private static final Pattern FILE_TROUBLE = Pattern.compile("(?i)filenotfound|no such file|not found|"
            + "can'?t find|cannot find|couldn'?t find|does ?n[o']?t exist|doesnt exist|missing");
    /** "it works, is it good?": nothing is said to be wrong. */
    private static final Pattern SAYS_IT_WORKS = Pattern.compile("(?i)\\b(?:it|this|that|code|program)\\s+"
            + "(?:works|is working|runs fine|works fine)\\b(?!\\s+(?:but|except|for|when|with|until))");

    private static final Logger LOG = Logger.getLogger(DebugAgent.class);

    private final ErrorHistoryStore history;
    private final CodeExecutionClient sandbox;
    private final DiagnosisRunner diagnoser;
    private final LlmHintWriter llm;
    private final EventBus events;
    private final ProcessedEvents answered;
    private final DebugConfig config;
    private final Clock clock;

    @Inject
    public DebugAgent(ErrorHistoryStore history, CodeExecutionClient sandbox, DiagnosisRunner diagnoser,
                      LlmHintWriter llm, EventBus events, StateStores stateStores, DebugConfig config, Clock clock) {
        this.history = history;
        this.sandbox = sandbox;
        this.diagnoser = diagnoser;
        this.llm = llm;
        this.events = events;
        this.answered = stateStores.processedEvents("debug-answered-", config.processedTtl());
        this.config = config;
        this.clock = clock;
    }

    /** Everything the answer says, before it is published; the handler and the benchmark use it. */
    public record Answer(ResponseKind kind, String text, AnswerData data, Optional<ParsedError> error) {
    }

    /** The answer published, or empty when this request was answered before (a redelivery). */
    public Optional<Answer> answerAndPublish(DebugRequested request) {
        String id = request.requestId().toString();
        if (answered.seen(id)) {
            LOG.debugf("Debug request %s was answered before; acknowledging the redelivery", id);
            return Optional.empty();
        }
        Instant now = clock.instant();
        Answer answer = answer(request, now);
        events.publish(EventTopic.LEARNING_RESPONSES, new LearningResponded(request.requestId(), request.userId(),
                request.conversationId(), answer.kind(), RESPONDER, answer.text(), answer.data(), now));
        answered.markHandled(id);
        return Optional.of(answer);
    }

    Answer answer(DebugRequested incoming, Instant now) {
        DebugRequested request = incoming;
        String errorText = firstNonBlank(request.error(), request.question());
        Optional<ParsedError> parsed = TracebackParser.parse(errorText);
        Expectations expectations = ExpectationParser.parse(request.question(), request.error(), request.code());
        if (expectations.codeFromQuestion() && parsed.isEmpty()) {
            request = withCode(incoming, expectations.code());
        }
        String code = request.code();
        DebugRequested asked = request;
        if (expectations.any() && code != null && !code.isBlank()) {
            // The student said what the program should do: run those cases under the tracer first, also when a
            // traceback came along (a crash on a stated case is its failing case, and may have a logic cause).
            Optional<Answer> diagnosed = diagnoseCases(request, expectations.cases(), parsed, now);
            if (diagnosed.isPresent()) {
                return diagnosed.get();
            }
        }
        RunCodeResponse run = null;
        if (parsed.isEmpty() && code != null && !code.isBlank()) {
            try {
                run = sandbox.run(new RunCodeRequest(code, "", null), config.sandboxTimeout());
            } catch (CodeExecutionClient.Refused e) {
                return clarification(AnswerText.sentence("clarify.not-run"));
            }
            if (run.status() == ExecutionStatus.OK) {
                RunCodeResponse clean = run;
                return symptomOfCleanRun(request, clean, now).orElseGet(() -> ranWithoutError(clean, code));
            }
            if (run.status() == ExecutionStatus.TIMEOUT || run.status() == ExecutionStatus.OUTPUT_LIMIT) {
                Optional<Answer> loop = diagnoseCases(request, List.of(TestCase.input("", null, null, "stdin")),
                        Optional.empty(), now)
                        .filter(a -> a.data() instanceof DebugHints h && h.diagnosis() != null
                                && (h.diagnosis().loop() != null || RepeatedRecursion.in(code).isPresent()));
                if (loop.isPresent() || run.status() == ExecutionStatus.TIMEOUT) {
                    return loop.orElseGet(() -> diagnosed(asked, new ParsedError("Timeout",
                            AnswerText.sentence("timeout.message"), null, null, null, List.of()),
                            ErrorCatalog.timeout(), now, true));
                }
            }
            RunCodeResponse finished = run;
            parsed = TracebackParser.parse(finished.stderr()).or(() -> fromRun(finished));
            if (parsed.filter(DebugAgent::inputRanOut).isPresent() && !mentionsEndOfInput(request)) {
                // Our run typed nothing, so input() met the end of its input: an EOFError of the run, not the
                // student's (nor counted as one of theirs). What they typed is what the program needs.
                ParsedError ranOut = parsed.get();
                return symptomOfTypedRun(request, now).orElseGet(() -> inputNeeded(finished, ranOut, code));
            }
            Optional<String> missing = parsed.flatMap(DebugAgent::fileOurRunLacks);
            if (missing.isPresent() && !mentionsAMissingFile(request)) {
                // Our run has none of the student's files: a FileNotFoundError of the run, not theirs; what they
                // asked about ("the names all have \n stuck on the end") is answered instead
                return fileNotHere(request, finished, parsed.get(), missing.get(), code);
            }
        }
        if ((code == null || code.isBlank()) && parsed.isEmpty()) {
            // "why does -7 // 2 give -4": the expression asked about is the program, and what it shows is Python's
            Optional<String> rule = PythonRules.inQuestion(request.question());
            if (rule.isPresent()) {
                return pythonsRule(request, "python-rule.asked", rule.get(), null, false, request.question());
            }
        }
        if (code == null || code.isBlank()) {
            // Answer first, then ask: an error or symptom named without code is explained before asking for it.
            Optional<Answer> explained = NoCodeAnswers.answer(request.question(), request.error(), parsed);
            if (explained.isPresent()) {
                return explained.get();
            }
        }
        if (parsed.isEmpty()) {
            return clarification(AnswerText.sentence(code == null || code.isBlank()
                    ? "clarify.no-code" : "clarify.no-error"));
        }
        CodeFacts facts = new CodeFacts(code);
        ParsedError error = withFileColumn(parsed.get(), facts);
        return diagnosed(request, error, ErrorCatalog.diagnose(error, facts), now, run != null);
    }

    private Answer diagnosed(DebugRequested request, ParsedError error, Diagnosis diagnosis, Instant now,
                             boolean ranInSandbox) {
        CodeFacts facts = new CodeFacts(request.code());
        int level = hintLevel(request);
        List<Hint> offline = HintComposer.hints(error, diagnosis, facts, level);
        Optional<ModelHints> written = llm.write(HintRequests.crash(error, diagnosis, facts, request.code(),
                request.question()));
        GuardedHints guarded = GuardedHints.of(offline, written,
                request.code() != null && !request.code().isBlank() ? request.code() : error.codeLine());
        List<Hint> hints = guarded.hints();

        Occurrence occurrence = recordOccurrence(request, error.type(), level, now);
        long thisWeek = occurrence.thisWeek();
        boolean signal = occurrence.signalled();

        boolean solutionAsked = request.question() != null && SOLUTION_REQUEST.matcher(request.question()).find();
        String text = AnswerText.debug(error, diagnosis, hints, thisWeek, solutionAsked, level);
        DebugHints data = new DebugHints(errorData(error), diagnosis.explanation(), null,
                TestCaseFeedback.wire(hints), level, DebugHints.MAX_HINT_LEVEL,
                new DebugHints.Occurrences(error.type(), thisWeek, config.window().toDays()), signal, solutionAsked,
                ranInSandbox, guarded.provenance());
        return new Answer(ResponseKind.DEBUG, text, data, Optional.of(error));
    }

    /** How often this student met this error type (or logic-bug category) this week; raises struggle at the threshold. */
    private record Occurrence(long thisWeek, boolean signalled) {
    }

    private Occurrence recordOccurrence(DebugRequested request, String type, int level, Instant now) {
        // Entries carry the request id: a request retried after a failure half-way is still counted once. They also
        // carry the program's fingerprint: hints 2 and 3 on the same program are the same mistake, not new ones.
        ErrorHistory after = history.update(request.userId(), h -> h.with(new ErrorHistory.Entry(
                request.requestId().toString(), type, now, ProgramFingerprint.of(request.code())),
                config.historySize()));
        long thisWeek = after.count(type, now, config.window());
        boolean signal = thisWeek >= config.repeatThreshold() && !after.coolingDown(type, now, config.signalCooldown());
        if (signal) {
            history.update(request.userId(), h -> h.withSignal(type, now));
            events.publish(EventTopic.STRUGGLE_DETECTED, new StruggleDetected(request.userId(), null,
                    request.topicId(), StruggleReason.REPEATED_ERROR,
                    thisWeek >= config.repeatThreshold() + 2 ? AlertSeverity.HIGH : AlertSeverity.MEDIUM,
                    Map.of("errorType", type, "count", thisWeek, "windowDays", config.window().toDays(),
                            "requestId", request.requestId().toString()), now));
        }
        events.publish(EventTopic.PROGRESS_EVENTS, new ProgressRecorded(request.requestId(), request.userId(),
                Verb.VIEWED, new ActivityObject(ActivityType.HINT, request.requestId().toString(),
                request.topicId()), new ActivityResult(null, null, type, null, null),
                Map.of("hintLevel", level, "errorCountThisWeek", thisWeek), now));
        return new Occurrence(thisWeek, signal);
    }

    /**
     * Runs the cases under the diagnosis harness. A failing case that crashes is answered like any crash (with the
     * diagnosis attached); a wrong value or a loop that never ends gets the logic-bug hints. Empty when the harness
     * could not run the program (then the plain run decides).
     *
     * @param traceback the traceback the student pasted, if any: when the failing case is the call it shows and
     *                  only a crash can be explained, its frames, line and caret explain it better than the re-run
     */
    private Optional<Answer> diagnoseCases(DebugRequested request, List<TestCase> cases,
                                           Optional<ParsedError> traceback, Instant now) {
        Optional<ProgramDiagnosis> found = diagnoser.diagnose(request.code(), cases);
        if (found.isEmpty() || found.get().error() != null || found.get().cases().isEmpty()) {
            return Optional.empty();
        }
        ProgramDiagnosis diagnosis = found.get();
        String kind = WrongResultHints.kind(diagnosis);
        boolean logicBugFound = diagnosis.findings().stream().anyMatch(ProgramDiagnosis.Finding::repaired);
        if (kind.equals("crash") && !logicBugFound) {   // a crash we can only explain as a crash
            ProgramDiagnosis.CaseResult failing = diagnosis.failingCase();
            String[] typeAndMessage = failing.error().split(":\\s*", 2);
            CodeFacts facts = new CodeFacts(request.code());
            ParsedError error = traceback.filter(t -> "traceback".equals(failing.source()))
                    .map(t -> withFileColumn(t, facts))
                    .orElseGet(() -> new ParsedError(typeAndMessage[0].strip(),
                            typeAndMessage.length > 1 ? typeAndMessage[1] : "", failing.errorLine(), null, null,
                            List.of()));
            Answer crash = diagnosed(request, error, ErrorCatalog.diagnose(error, facts), now, true);
            return Optional.of(new Answer(crash.kind(), crash.text(),
                    ((DebugHints) crash.data()).withDiagnosis(WrongResultHints.data(diagnosis)), crash.error()));
        }
        Optional<String> rule = kind.equals("wrong_result") ? PythonRules.behind(request.code()) : Optional.empty();
        if (rule.isPresent()) {
            return Optional.of(pythonsRule(request, "python-rule.opening", rule.get(), WrongResultHints.data(diagnosis),
                    true, request.code()));
        }
        return Optional.of(wrongResult(request, diagnosis, kind, now));
    }

    /**
     * A surprise at one of Python's rules in code that is only values and Python's operations: the rule, not hints
     * about where "the program" goes wrong, and nothing recorded as the student's mistake.
     */
    private static Answer pythonsRule(DebugRequested request, String opening, String rule,
                                      dev.learnflow.contracts.answers.Diagnosis diagnosis, boolean ranInSandbox,
                                      String program) {
        String ruleText = AnswerText.sentence("python-rule." + rule);
        String text = AnswerText.sentence(opening) + "\n\n" + ruleText + "\n\n"
                + AnswerText.sentence("python-rule.next");
        DebugHints data = new DebugHints(null, ruleText, diagnosis, List.of(), hintLevel(request), null, null, null,
                null, ranInSandbox, GuardedHints.of(List.of(), Optional.empty(), program).provenance());
        return new Answer(ResponseKind.DEBUG, text, data, Optional.empty());
    }

    /** The hint level asked for, within 1..3. */
    private static int hintLevel(DebugRequested request) {
        return Math.max(1, Math.min(3, request.hintLevel()));
    }

    private Answer wrongResult(DebugRequested request, ProgramDiagnosis diagnosis, String kind, Instant now) {
        CodeFacts facts = new CodeFacts(request.code());
        int level = hintLevel(request);
        boolean solutionAsked = request.question() != null && SOLUTION_REQUEST.matcher(request.question()).find();
        if (kind.equals("all_passed")) {
            DebugHints data = DebugHints.allPassed(WrongResultHints.data(diagnosis), level,
                    GuardedHints.of(List.of(), Optional.empty(), request.code()).provenance());
            return new Answer(ResponseKind.DEBUG, AnswerText.allPassed(diagnosis), data, Optional.empty());
        }
        String category = WrongResultHints.category(diagnosis, facts);
        String pattern = category != null ? category : kind;
        List<Hint> offline = WrongResultHints.hints(diagnosis, facts, level);
        Optional<ModelHints> written = llm.write(HintRequests.wrongResult(diagnosis, facts, request.code(),
                request.question(), WrongResultHints.hints(diagnosis, facts, 2).get(1).text()));
        GuardedHints guarded = GuardedHints.of(offline, written, request.code());
        List<Hint> hints = guarded.hints();
        Occurrence occurrence = recordOccurrence(request, pattern, level, now);
        DebugHints data = new DebugHints(null, null, WrongResultHints.data(diagnosis), TestCaseFeedback.wire(hints),
                level, DebugHints.MAX_HINT_LEVEL,
                new DebugHints.Occurrences(pattern, occurrence.thisWeek(), config.window().toDays()),
                occurrence.signalled(), solutionAsked, true, guarded.provenance());
        String text = AnswerText.wrongResult(kind, category, hints, occurrence.thisWeek(), solutionAsked, level);
        return new Answer(ResponseKind.DEBUG, text, data, Optional.empty());
    }

    private static DebugRequested withCode(DebugRequested request, String code) {
        return new DebugRequested(request.requestId(), request.userId(), request.conversationId(),
                request.exerciseId(), request.topicId(), request.question(), code, request.error(),
                request.hintLevel(), request.context(), request.requestedAt());
    }

    /**
     * A clean run whose student says the result is wrong without saying the right one ("the total is always just the
     * last number", "some even ones are still there"): what it printed is what they call wrong. A likely mistake whose
     * repair changes that output is the diagnosis; without one, the run is only reported (empty).
     */
    private Optional<Answer> symptomOfCleanRun(DebugRequested request, RunCodeResponse run, Instant now) {
        if (!reportsAWrongResult(request) || shownOutput(run).isBlank()) {
            return Optional.empty();
        }
        return diagnosedSymptom(request, TestCase.input("", null, null, "symptom"), now);
    }

    /**
     * A program reading input(), whose student tells what it did with numbers they typed but not as input ("it says
     * 9 is bigger than 10"): those numbers, in the order written, are what was typed. When that run prints what the
     * student calls wrong and a likely mistake's repair changes it, that is the diagnosis; otherwise empty (then the
     * student is asked what they typed).
     */
    private Optional<Answer> symptomOfTypedRun(DebugRequested request, Instant now) {
        if (!reportsAWrongResult(request)) {
            return Optional.empty();
        }
        List<String> typed = NUMBER_SAID.matcher(request.question()).results().map(java.util.regex.MatchResult::group)
                .distinct().limit(MOST_TYPED).toList();
        return typed.isEmpty() ? Optional.empty()
                : diagnosedSymptom(request, TestCase.input(String.join("\n", typed) + "\n", null, null, "symptom"), now);
    }

    /** The student's words say the result is wrong (and not that it works). */
    private static boolean reportsAWrongResult(DebugRequested request) {
        return request.question() != null && REPORTS_A_WRONG_RESULT.matcher(request.question()).find()
                && !SAYS_IT_WORKS.matcher(request.question()).find();
    }

    /** The harness on a symptom case: the wrong-result answer when a finding's repair changes the run's output. */
    private Optional<Answer> diagnosedSymptom(DebugRequested request, TestCase symptom, Instant now) {
        return diagnoser.diagnose(request.code(), List.of(symptom))
                .filter(d -> d.error() == null && d.failingCase() != null && d.failingCase().error() == null
                        && d.findings().stream().anyMatch(ProgramDiagnosis.Finding::repaired))
                .map(d -> wrongResult(request, d, WrongResultHints.kind(d), now));
    }

    private static Answer ranWithoutError(RunCodeResponse run, String code) {
        String shown = shownOutput(run);
        String text = AnswerText.sentence("ran-clean") + " " + (shown.isBlank()
                ? AnswerText.sentence("ran-clean.printed-nothing")
                : AnswerText.sentence("ran-clean.printed") + "\n\n> " + shown.replace("\n", "\n> "))
                + paragraph(AnswerText.silentMistakes(code))
                + paragraph(PythonRules.behind(code).map(rule -> AnswerText.sentence("python-rule.after-clean-run")
                        + " " + AnswerText.sentence("python-rule." + rule)).orElse(""))
                + "\n\n" + AnswerText.sentence("ran-clean.next");
        return new Answer(ResponseKind.DEBUG, text, new DebugRun(true, run.status().value(), shown),
                Optional.empty());
    }

    /** input() found no more input: what a run without typed input ends with in a program that reads some. */
    private static boolean inputRanOut(ParsedError error) {
        return "EOFError".equals(error.type());
    }

    private static boolean mentionsEndOfInput(DebugRequested request) {
        return said(request).contains("EOF");
    }

    /** Everything the student wrote besides the code: the question and the pasted error. */
    private static String said(DebugRequested request) {
        return (request.question() == null ? "" : request.question()) + " "
                + (request.error() == null ? "" : request.error());
    }

    /** What the run showed before it stopped at input(), what to check, and what to tell for a run with input. */
    private static Answer inputNeeded(RunCodeResponse run, ParsedError error, String code) {
        String shown = shownOutput(run);
        String where = error.line() == null ? ""
                : " " + AnswerText.sentence("input-needed.line", Map.of("line", error.line().toString()));
        String text = AnswerText.sentence("input-needed") + where + paragraph(AnswerText.silentMistakes(code))
                + "\n\n" + AnswerText.sentence("input-needed.check")
                + "\n\n" + AnswerText.sentence("input-needed.next");
        return new Answer(ResponseKind.DEBUG, text, new DebugRun(true, run.status().value(), shown), Optional.empty());
    }

    /** The file a FileNotFoundError of a relative path names ({@code names.txt}), when that is the error. */
    private static Optional<String> fileOurRunLacks(ParsedError error) {
        if (!"FileNotFoundError".equals(error.type()) || error.message() == null) {
            return Optional.empty();
        }
        Matcher m = MISSING_FILE.matcher(error.message());
        return m.find() && !m.group(1).startsWith("/") ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the student tells of a missing file themselves ("FileNotFoundError but the file is right there"). */
    private static boolean mentionsAMissingFile(DebugRequested request) {
        return FILE_TROUBLE.matcher(said(request)).find();
    }

    private static Answer fileNotHere(DebugRequested request, RunCodeResponse run, ParsedError error, String file,
                                      String code) {
        String opening = AnswerText.sentence("file-missing", Map.of("file", file,
                "line", error.line() == null ? "?" : error.line().toString()));
        String explained = request.question() == null ? "" : NoCodeAnswers.answer(request.question(), null,
                Optional.empty()).filter(a -> a.data() instanceof dev.learnflow.contracts.answers.DebugExplanation e
                        && "symptom".equals(e.explained().kind()))
                .map(Answer::text).orElse("");
        String text = opening + paragraph(explained) + paragraph(AnswerText.silentMistakes(code))
                + "\n\n" + AnswerText.sentence("file-missing.next");
        return new Answer(ResponseKind.DEBUG, text, new DebugRun(true, run.status().value(), shownOutput(run)),
                Optional.empty());
    }

    /** The first lines the run printed, as the answer shows them. */
    private static String shownOutput(RunCodeResponse run) {
        String out = run.stdout() == null ? "" : run.stdout();
        return out.lines().limit(10).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** A paragraph of its own, or nothing for an empty text. */
    private static String paragraph(String text) {
        return text.isEmpty() ? "" : "\n\n" + text;
    }

    private static Answer clarification(String text) {
        return new Answer(ResponseKind.CLARIFICATION, text, Clarification.needs("code_or_error", null, null),
                Optional.empty());
    }

    private static Optional<ParsedError> fromRun(RunCodeResponse run) {
        if (run.exception() == null || run.exception().type() == null) {
            return Optional.empty();
        }
        return Optional.of(new ParsedError(run.exception().type(), run.exception().message(), run.exception().line(),
                null, null, List.of()));
    }

    /** Python reports the caret within the stripped line; students count columns in their file. */
    private static ParsedError withFileColumn(ParsedError error, CodeFacts facts) {
        if (error.column() == null || facts.line(error.line()).isEmpty()) {
            return error;
        }
        return new ParsedError(error.type(), error.message(), error.line(),
                error.column() + facts.indentation(error.line()), error.codeLine(), error.frames());
    }

    private static DebugHints.ErrorDetails errorData(ParsedError error) {
        return new DebugHints.ErrorDetails(error.type(), error.message(), error.line(), error.column(),
                error.codeLine(), error.isSyntaxError(), error.frames().stream()
                .map(f -> new DebugHints.Frame(f.file(), f.line(), f.function(), f.code())).toList());
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
