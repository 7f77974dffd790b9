package dev.learnflow.debug.service;

import dev.learnflow.debug.domain.Expectations;
import dev.learnflow.debug.domain.ParsedError;
import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.platform.guard.PythonBrackets;
import dev.learnflow.platform.text.PatternBook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how the student says their program should behave: "fibonacci(5) returns 8 but the tests expect 5",
 * "my fibonacci returns 8 instead of 5 for n=5", "when I enter 4 it prints 3 but should print 4", "expected [1, 2],
 * got [1, 2, 2]"; {@code assert} lines and doctests in the code; input/output pairs. Code pasted inside the
 * question (fenced, indented, or a one-liner with {@code ;}) is taken as the program when none was sent.
 */
public final class ExpectationParser {

    private static final Pattern DEF = Pattern.compile("(?m)^[ \\t]*def\\s+([A-Za-z_]\\w*)\\s*\\(([^)]*)\\)");
    static final Pattern CALL_START = Pattern.compile("\\b([A-Za-z_][\\w.]*)\\s*\\(");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");
    /** After a word, a colon and the number the program printed with that word as its label. */
    private static final Pattern LABELLED_NUMBER = Pattern.compile(":[ \\t]*\\$?(-?\\d+(?:\\.\\d+)?)(?![\\w.])");
    /** A word typed as one value though it holds a hyphen: "PG-13", "x-ray". */
    private static final Pattern HYPHENATED_WORD = Pattern.compile("[A-Za-z_]\\w*(?:-[A-Za-z0-9]\\w*)*");

    // Expectations written as comments in the code.
    /** A comment after code (or alone on its line); a # inside a string is not looked for. */
    private static final Pattern COMMENT = Pattern.compile(
            "^(?<code>[^#'\"]*(?:(['\"])[^'\"]*\\2[^#'\"]*)*)#\\s*(?<text>.+)$");
    private static final Pattern ARROW = Pattern.compile("\\s*(?:->|=>|→|==)\\s*");
    private static final Pattern PRINTED_CALL = Pattern.compile("^\\s*print\\((.+)\\)\\s*$");

    // Inputs and values.
    /** The program reads one line and splits it: an input written on one line is typed as one line. */
    private static final Pattern INPUT_SPLIT = Pattern.compile("input\\([^)]*\\)(?:\\.strip\\(\\))?\\.split\\(");
    private static final Set<String> NOT_A_VALUE = Set.of("the", "a", "an", "it", "this", "that", "correct",
            "right", "wrong", "same", "different", "equal", "like", "more", "less", "bigger", "smaller", "something",
            "anything", "what", "but", "and", "to", "be", "of", "for", "when", "with", "my", "its", "i", "is",
            "was", "in", "on", "at", "as", "one", "not", "only", "also", "just", "then", "so", "if", "all",
            "return", "print", "value", "output", "result", "answer", "number", "error", "because", "correctly",
            "fine", "ok", "weird", "strange", "nothing", "instead", "should", "get", "got", "gives", "returns", "want",
            "wanted", "expect", "expected", "need", "see", "press", "hit", "me", "maximum", "infinite", "forever",
            "skipped", "ignored",
            "crashes", "some", "which", "who", "where", "while");
    /** Words that begin what a program should do, not what it should print ("it should work", "should stop"). */
    private static final Set<String> NOT_PRINTED = Set.of("work", "works", "run", "runs", "stop", "stops", "end",
            "finish", "happen", "do", "change", "crash", "loop", "keep", "have", "be", "go", "count", "add", "ask",
            "let", "make", "exit", "quit", "break", "continue", "skip", "repeat", "check", "come", "give");
    private static final Map<String, String> VALUE_PHRASES = Map.of("an empty list", "[]", "empty list", "[]",
            "an empty string", "''", "empty string", "''", "an empty dict", "{}", "true", "True", "false", "False",
            "none", "None");
    private static final Pattern PRINT_VERB = Pattern.compile("(?i)\\b(?:print|prints|printed|output|outputs|show"
            + "|shows|display|displays)\\s+$");
    /** Numbers written as words, by value (zero to twenty, then the tens and a hundred). */
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty");
    private static final List<String> TENS = List.of("thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety", "hundred");
    /** A number word as a whole value: at the end of a clause, not "one of them" or "two numbers". */
    private static final Pattern NUMBER_WORD = Pattern.compile("(?i)(" + String.join("|", TENS) + "|"
            + String.join("|", NUMBER_WORDS) + ")(?=\\s*(?:$|[,.!?;)(]|(?:but|not|instead|and|because|since|cause|though|yet|i|it|its|it's|mine|so"
            + "|when|if|right|however|or)\\b))");
    private static final Pattern DOCTEST_GOT_NOTHING = Pattern.compile("(?im)^([ \\t]*)Got nothing[ \\t]*$");
    private static final Pattern DOCTEST = Pattern.compile("^\\s*>>>\\s+(?<expr>.+?)\\s*$");
    private static final Pattern FENCED = Pattern.compile("```[\\w+-]*\\s*\\n(?<code>.*?)```", Pattern.DOTALL);
    private static final Pattern CODE_START = Pattern.compile("(?m)(?:^|[:\\s])(?=(?:def |class |for |while |if |"
            + "import |from |print\\(|[A-Za-z_]\\w*\\s*(?:=|\\+=|-=)\\s*[^=\\s]))");

    /** The phrases this class looks for, kept in {@code debug/phrases/expectations.regex}. */
    private enum Phrase { ACTUAL_WORD, EXPECTED_WORD, INSTEAD_OF, NOT_VALUE, MULTILINE_EXPECTED, MULTILINE_ACTUAL,
        ARTICLE, VALUE_NOUN, EMPTY_VALUE, INPUT_SPEC, STDIN_SPEC, NOTHING_TYPED, STDIN_SEPARATOR, IO_PAIR, LABEL,
        INLINE_LABEL, TRAILING_CLAUSE, WORKS, ARROW_OR_ACTUAL, LEADING_NUMBER, POSTFIX_EXPECTED, LINE_END,
        THEN_MORE, NAMED_INPUT }

    private static final PatternBook<Phrase> PHRASES = PatternBook.load(
            "debug/phrases/expectations.regex", Phrase.class);

    private ExpectationParser() {
    }

    public static Expectations parse(String question, String reportedError, String code) {
        // a doctest report's examples are its cases; its layout (labels, stars, file lines) reads as nothing else
        List<TestCase> reported = doctestReport(reportedError);
        String program = code;
        boolean fromQuestion = false;
        if ((program == null || program.isBlank()) && question != null) {
            Optional<String> pasted = codeIn(question);
            if (pasted.isPresent()) {
                program = pasted.get();
                fromQuestion = true;
            }
        }
        String source = program == null ? "" : program;
        List<Function> functions = functions(source);
        boolean readsInput = source.contains("input(");
        // an autograder's table or JSON rows: each row a case, and the report's other words are its layout
        reported.addAll(ReportTables.cases(reportedError, functions, readsInput));
        // a traceback's file names, line numbers and code lines are Python's words, not values the student gave:
        // its own crashing call is read from it apart (crashedCall)
        String error = reported.isEmpty() ? withoutTraceback(reportedError) : null;
        List<TestCase> cases = new ArrayList<>(reported);
        String prose = fromQuestion ? withoutLines(withoutCode(question), program) : question;
        // statements written before the value compared ("s = Stack(); s.push(1); s.pop() gives 1") read as one call
        Set<String> own = ownNames(source, functions);
        StatementRuns.Read asked = StatementRuns.read(prose, own, "q");
        String errorWords = withoutPythonsWords(error);
        StatementRuns.Read told = StatementRuns.read(errorWords, own, "e");
        List<Function> askedFunctions = withStandIns(functions, asked);
        List<Function> toldFunctions = withStandIns(functions, told);
        cases.addAll(restored(fromText(asked.text(), "question", askedFunctions, readsInput, source), asked));
        cases.addAll(restored(fromText(told.text(), "error", toldFunctions, readsInput, source), told));
        if (cases.isEmpty() && asked.runs().isEmpty() && told.runs().isEmpty() && prose != null && !prose.isBlank()
                && error != null && !error.isBlank()) {
            // the call in one field, what it gives and should give in the other ("total(x)" / "Expected: 150 ...")
            cases.addAll(fromText(prose + "\n" + errorWords, "error", functions, readsInput, source));
        }
        cases.addAll(asserts(source, functions));
        cases.addAll(doctests(source));
        if (cases.isEmpty()) {
            cases.addAll(comments(source, functions));
        }
        if (cases.isEmpty() && !source.isBlank()) {     // "returns None instead of the list": any value but None
            returnsNone(asked.text(), "question", askedFunctions).map(asked::restore).ifPresent(cases::add);
        }
        if (cases.isEmpty() && !source.isBlank()) {
            returnsNone(told.text(), "error", toldFunctions).map(told::restore).ifPresent(cases::add);
        }
        if (cases.isEmpty() && !source.isBlank()) {     // no phrasing read: let running the program decide
            byRunning(fromQuestion ? proseOnly(asked.text()) : asked.text(), "question", askedFunctions, readsInput,
                    source).map(asked::restore).ifPresent(cases::add);
        }
        if (cases.isEmpty() && !source.isBlank()) {
            byRunning(told.text(), "error", toldFunctions, readsInput, source).map(told::restore)
                    .ifPresent(cases::add);
        }
        // (a console run pasted with the crash shows what was typed better than the words: "i put 5 numbers in")
        Optional<ParsedError> traceback = firstTraceback(reportedError, question);
        crashedCall(traceback, functions, !readsInput ? Optional.of("")
                : Optional.ofNullable(error).flatMap(e -> promptedInput(normalized(e), source))
                .filter(typed -> !typed.isBlank()).or(() -> typedIn(question, source)).or(() -> typedIn(error, source))
                .filter(typed -> !typed.isBlank()))
                .filter(crash -> cases.stream().noneMatch(c -> crash.call() != null && crash.call().equals(c.call())))
                .ifPresent(cases::add);
        if (traceback.filter(t -> !t.frames().isEmpty()).isEmpty() && cases.stream().noneMatch(
                c -> "traceback".equals(c.source()) || !readsInput && c.stdin() != null)
                && crashToldInWords(prose).isPresent()) {
            // "it crashes: TypeError: object of type 'NoneType' has no len()" told without its traceback: the run
            // (with what was typed) should go through
            (readsInput ? typedIn(question, source).filter(typed -> !typed.isBlank())
                    : Optional.of("").filter(none -> runsAtTopLevel(source)))
                    .map(typed -> new TestCase(null, typed, null, null, null, false, "traceback", null))
                    .ifPresent(cases::add);
        }
        List<TestCase> all = readsInput ? typedFromTheOtherField(cases,
                fromQuestion ? proseOnly(asked.text()) : asked.text(), told.text(), source) : cases;
        all = new ArrayList<>(repeated(inSession(all, question, error), question, error, source));
        if (all.stream().noneMatch(c -> c.expected() != null && c.call() == null)) {
            neverShown(prose, source, readsInput, error).ifPresent(all::add);
        }
        all = all.stream().map(c -> completed(c, functions, source)).map(c -> transcribed(c, question, error, source))
                .collect(java.util.stream.Collectors.toList());
        // "digit_ratio("a1b2") never finishes": that call should end; it goes first, as what the student is stuck on
        List<TestCase> read = all;
        neverEnds(prose, functions).stream().filter(call -> read.stream().noneMatch(c -> call.equals(c.call())))
                .map(call -> TestCase.call(call, null, null, "question")).toList().forEach(c -> read.add(0, c));
        return new Expectations(program, fromQuestion, dedupe(read));
    }

    private static final Pattern CRASH_TOLD = Pattern.compile("(?i)\\b(?:crash(?:es|ed)?|error|fails?|stops?|dies|"
            + "throws?|raises?|gives?|get|gets)\\b[^.?!\\n]{0,40}?\\b([A-Z]\\w*(?:Error|Exception)):\\s*\\S");

    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\s*([A-Z]\\w*(?:Error|Exception)):\\s*\\S");

    /** A crash the student tells in words, quoting Python's error line ("then it crashes: TypeError: ..."). */
    private static Optional<String> crashToldInWords(String prose) {
        if (prose == null) {
            return Optional.empty();
        }
        Matcher m = CRASH_TOLD.matcher(prose);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        Matcher line = ERROR_LINE.matcher(prose);
        return line.find() ? Optional.of(line.group(1)) : Optional.empty();
    }

    /** Whether the program does something when run: a statement at the top level that is no definition. */
    private static boolean runsAtTopLevel(String source) {
        return source.lines().anyMatch(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))
                && !l.matches("(?:def|class|import|from|@|#)\\b.*|[A-Za-z_]\\w*\\s*=.*|#.*|[)\\]}].*"));
    }

    /** "'done checking' never prints", "'Game over' doesn't show up": a message of the program the run should show. */
    private static final Pattern NEVER_SHOWN = Pattern.compile("(?i)(['\"])([^'\"\\n]{2,60})\\1\\s+(?:is\\s+|was\\s+)?"
            + "(?:never|not|doesn'?t|does not|didn'?t|did not|won'?t|will not)\\s+(?:ever\\s+)?(?:gets?\\s+)?"
            + "(?:prints?|printed|shows?|shown|showing|appears?|displayed|displays?|comes? up|show up|shows up)\\b");

    private static Optional<TestCase> neverShown(String prose, String code, boolean readsInput, String error) {
        Matcher m = prose == null ? null : NEVER_SHOWN.matcher(prose);
        if (m == null || !m.find() || !code.contains(m.group(2))) {
            return Optional.empty();
        }
        Optional<String> typed = readsInput ? typedIn(prose, code).or(() -> typedIn(error, code)) : Optional.of("");
        return typed.map(t -> new TestCase(null, t, m.group(2), null, null, false, "question"));
    }

    /** What the student typed, as they tell it or as a pasted console run shows it after a prompt. */
    private static Optional<String> typedIn(String text, String code) {
        return text == null || text.isBlank() ? Optional.empty() : stdinIn(normalized(text), code);
    }

    private static final Pattern DOCTEST_FAILURE = Pattern.compile("Failed example:[ \\t]*\\n[ \\t]+(?<call>[^\\n]+)\\n"
            + "(?:Expected:[ \\t]*\\n(?<expected>(?:[ \\t]+[^\\n]*\\n)+)|Expected nothing[ \\t]*\\n)"
            + "(?:Got:[ \\t]*\\n(?<got>(?:[ \\t]+[^\\n]*(?:\\n|$))+)|Got nothing)");

    /**
     * doctest's report of failed examples ("Failed example: / f(x) / Expected: / 2 / Got: / 9", one block per
     * failure): each example is a case with what it should give and what it gave ("Got nothing": None).
     */
    public static List<TestCase> doctestReport(String error) {
        List<TestCase> cases = new ArrayList<>();
        if (error == null || !error.contains("Failed example:")) {
            return cases;
        }
        Matcher m = DOCTEST_FAILURE.matcher(error.replace("\r", ""));
        while (m.find()) {
            String call = m.group("call").strip().replaceFirst("^>>>\\s*", "");
            String expected = m.group("expected") == null ? "None" : m.group("expected").strip();
            String got = m.group("got") == null ? "None" : m.group("got").strip();
            if (!expected.contains("\n") && !got.contains("\n")) {
                cases.add(TestCase.call(call, expected, got, "error"));
            }
        }
        return cases;
    }

    /**
     * An error line in which Python says what something must be ("list indices must be integers or slices, not str"):
     * no value the student wants (an assert's message is theirs, and other messages hold their key or name).
     */
    private static final Pattern PYTHONS_MESSAGE = Pattern.compile("(?m)^[ \\t]*(?!AssertionError)[A-Z]\\w*(?:Error"
            + "|Exception): .*\\b(?:must be|should be|expected)\\b.*$");

    private static String withoutPythonsWords(String error) {
        return error == null ? null : PYTHONS_MESSAGE.matcher(error).replaceAll("");
    }

    private static final Pattern TRACEBACK_HEADER = Pattern.compile("Traceback \\(most recent call last\\):");

    /**
     * The text without a traceback's header and frames (its last line, the error itself, stays); a test line among
     * the frames (unittest's {@code self.assertEqual(median(x), 2.5)}) stays too: it is the student's case.
     */
    static String withoutTraceback(String error) {
        if (error == null || !error.contains("Traceback (most recent call last)")) {
            return error;
        }
        StringBuilder kept = new StringBuilder();
        boolean inFrames = false;
        for (String line : error.split("\n", -1)) {
            Matcher header = TRACEBACK_HEADER.matcher(line);
            if (header.find()) {
                // what the program printed before it crashed shares the header's line ("How old are you? Traceback")
                if (!line.substring(0, header.start()).isBlank()) {
                    kept.append(line, 0, header.start()).append('\n');
                }
                inFrames = true;
                continue;
            }
            boolean frame = !line.isBlank() && (Character.isWhitespace(line.charAt(0)) || line.startsWith("[Previous"));
            inFrames &= frame;
            if (!inFrames || TEST_LINE.matcher(line.strip()).find()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static Optional<ParsedError> firstTraceback(String error, String question) {
        Optional<ParsedError> told = error == null || error.isBlank() ? Optional.empty() : TracebackParser.parse(error);
        return told.isPresent() || question == null ? told : TracebackParser.parse(question);
    }

    /**
     * A traceback pasted with the program: the script's own line at its top ({@code print(factorial(5))}, the
     * outermost frame) calls one of the program's functions, and that call crashed. It is a case that fails by
     * crashing whatever value it should give, so the crash is traced like a wrong result (a recursion that misses its
     * base case, a range one too long). The harness drops it when the call does not crash there.
     * When the script's own statements crashed (or were stopped: a KeyboardInterrupt out of a loop that never ends),
     * the case is the whole program run with what was typed ({@code typed}; unknown for a program that reads input:
     * no case, as running it on nothing typed would crash on its input instead).
     */
    static Optional<TestCase> crashedCall(Optional<ParsedError> traceback, List<Function> functions,
                                          Optional<String> typed) {
        if (traceback.isEmpty() || traceback.get().frames().isEmpty() || traceback.get().isSyntaxError()) {
            return Optional.empty();
        }
        ParsedError.Frame top = traceback.get().frames().get(0);
        if (!"<module>".equals(top.function()) || top.code() == null) {
            return Optional.empty();
        }
        Matcher m = CALL_START.matcher(top.code());
        while (m.find()) {
            String name = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);   // acc.withdraw: a method of theirs
            int close = balancedEnd(top.code(), m.end() - 1);
            if (close > 0 && functions.stream().anyMatch(f -> f.name().equals(name))) {
                return Optional.of(new TestCase(top.code().substring(m.start(), close + 1), null, null, null, null,
                        false, "traceback", List.of()));
            }
        }
        return typed.map(stdin -> new TestCase(null, stdin, null, null, null, false, "traceback", null));
    }

    /** A line that opens a block (its body follows on "..." lines): a definition typed in, not a call to repeat. */
    private static final Pattern BLOCK_START = Pattern.compile("(?:def|class|for|while|if|with|try|@)\\b|.*:\\s*$");
    /** A line typed at the Python shell's prompt, pasted with its session. */
    private static final Pattern SESSION_LINE = Pattern.compile("(?m)^[ \\t]*>>>[ \\t]*(\\S.*?)\\s*$");

    /**
     * A call the student pasted from a shell session (">>> log_score(10)\n10\n>>> log_score(5)\n15"): it runs after
     * what was typed before it in that session, whose state it saw (a shared default list, an object built).
     */
    private static List<TestCase> inSession(List<TestCase> cases, String question, String error) {
        List<TestCase> out = new ArrayList<>();
        for (TestCase c : cases) {
            String text = "error".equals(c.source()) ? error : "question".equals(c.source()) ? question : null;
            List<String> typed = text == null || c.call() == null || !c.call().equals(TestCase.compared(c.call()))
                    ? List.of() : SESSION_LINE.matcher(text).results().map(r -> r.group(1))
                    .filter(line -> !BLOCK_START.matcher(line).lookingAt()).toList();
            String call = c.call() == null ? "" : c.call().replaceAll("\\s", "");
            int at = -1;
            for (int i = 0; i < typed.size() && at < 0; i++) {
                at = typed.get(i).replaceAll("\\s", "").equals(call) ? i : -1;
            }
            if (at <= 0) {
                out.add(c);
                continue;
            }
            String session = String.join("; ", typed.subList(0, at)) + "; " + c.call();
            out.add(new TestCase(session, null, c.expected(), c.claimed(), null, c.hidden(), c.source(), c.values()));
        }
        return out;
    }

    /** "the second time I call it", "called twice", "the 3rd call": the call the student means comes after others. */
    private static final Pattern REPEATED_CALL = Pattern.compile("(?i)\\b(?:(?<two>second|2nd|next)\\s+(?:time|call)"
            + "|(?<three>third|3rd)\\s+(?:time|call)|(?:call(?:ed|ing)?|run(?:ning)?|ran)\\s+(?:it\\s+)?(?:twice"
            + "|again|a second time))\\b");

    /**
     * A call the student says goes wrong on a later call of the same ("the second time I call add_item('b')"): run
     * as often first, so that what the earlier calls leave behind (a shared default list) is there. Only a call
     * without setup of its own, read from the words.
     */
    private static List<TestCase> repeated(List<TestCase> cases, String question, String error, String source) {
        List<TestCase> out = new ArrayList<>();
        for (TestCase c : cases) {
            String text = "error".equals(c.source()) ? error : "question".equals(c.source()) ? question : null;
            Matcher m = text == null || c.call() == null ? null : REPEATED_CALL.matcher(text);
            if (m == null || !m.find() || !c.call().equals(TestCase.compared(c.call()))
                    || calledAtTopLevel(source, c.call())) {
                out.add(c);
                continue;
            }
            String call = m.group("three") != null ? c.call() + "; " + c.call() + "; " + c.call()
                    : c.call() + "; " + c.call();
            out.add(new TestCase(call, null, c.expected(), c.claimed(), null, c.hidden(), c.source(), c.values()));
        }
        return out;
    }

    /** The script itself calls the function at its top level: running it leaves the earlier calls' state. */
    private static boolean calledAtTopLevel(String source, String call) {
        int paren = call.indexOf('(');
        if (paren <= 0) {
            return false;
        }
        Pattern topLevelCall = Pattern.compile("(?m)^(?!def |class |#)\\S.*\\b" + Pattern.quote(call.substring(0, paren).strip())
                + "\\s*\\(");
        return topLevelCall.matcher(source).find();
    }

    /**
     * The input typed, said in one field while the other says what it prints ("input 10" in the question,
     * "Expected: 16.09 km / Got: 6.22 km" in the error): a case that typed nothing takes it.
     */
    private static List<TestCase> typedFromTheOtherField(List<TestCase> cases, String question, String error,
                                                         String code) {
        List<TestCase> out = new ArrayList<>();
        for (TestCase c : cases) {
            String other = "error".equals(c.source()) ? question : "question".equals(c.source()) ? error : null;
            // (also when the values the student wrote are still to be told apart: "why 0??" beside a pasted run)
            Optional<String> typed = c.call() == null && "".equals(c.stdin()) ? typedIn(other, code)
                    : Optional.empty();
            out.add(typed.map(t -> new TestCase(null, t, c.expected(), c.claimed(), c.candidates(), c.hidden(),
                    c.source(), c.values())).orElse(c));
        }
        return out;
    }

    /** "returns None instead of the list", "i get None but it should return the total": what it should give, unsaid. */
    private static final Pattern RETURNS_NONE = Pattern.compile("(?i)\\b(?:returns?|returned|returning|gives?|gave|"
            + "get|got|getting|is|outputs?)\\s+(?:back\\s+|just\\s+|only\\s+)?`?None`?(?![\\w`])(?:[\\s,]+(?:instead of|"
            + "rather than|and not|not|but (?:it )?(?:should|must) (?:return|give|be)|(?:when|but|while) i (?:want|need|"
            + "expect)(?:ed)?)\\s+(?<what>(?:the|a|an|my|its)\\s+[a-z]+(?:\\s+(?:list|text|string|number|value|sum|total|"
            + "word|words|result|dict|count))?))?");

    /**
     * A call the student says returns None, with no value said for what it should give: a case that fails on None
     * and names what they want in their words ("the list"); no repair can make it pass, the detectors of a lost
     * value (a missing return, print instead of return) confirm themselves on the None.
     */
    static Optional<TestCase> returnsNone(String text, String source, List<Function> functions) {
        if (text == null) {
            return Optional.empty();
        }
        String t = normalized(text);
        Matcher m = RETURNS_NONE.matcher(t);
        if (!m.find()) {
            return Optional.empty();
        }
        Optional<String> call = explicitCall(t, functions, m.start());
        if (call.isEmpty()) {
            call = builtCall(t, functions, m.start());
        }
        String wanted = m.group("what") != null ? m.group("what").toLowerCase(Locale.ROOT) : "a value, not None";
        return call.map(c -> TestCase.call(c, wanted, "None", source));
    }

    private static final Pattern CLASS = Pattern.compile("(?m)^[ \\t]*class\\s+([A-Za-z_]\\w*)");

    /** The program's functions, methods and classes by name. */
    private static Set<String> ownNames(String source, List<Function> functions) {
        Set<String> own = new java.util.HashSet<>();
        functions.forEach(f -> own.add(f.name()));
        Matcher m = CLASS.matcher(source);
        while (m.find()) {
            own.add(m.group(1));
        }
        return own;
    }

    private static List<Function> withStandIns(List<Function> functions, StatementRuns.Read read) {
        if (read.runs().isEmpty()) {
            return functions;
        }
        List<Function> all = new ArrayList<>(functions);
        read.runs().keySet().forEach(call -> all.add(new Function(call.substring(0, call.indexOf('(')), List.of())));
        return all;
    }

    private static List<TestCase> restored(List<TestCase> cases, StatementRuns.Read read) {
        return cases.stream().map(read::restore).toList();
    }

    // ------------------------------------------------------------------------------------------ decided by running

    /** A literal a student writes: a bracketed value, a quoted string, a number (not a line number), True/False/None. */
    private static final Pattern LITERAL = Pattern.compile("(?<![\\w\\])'\"])(?:[\\[{(]|(?<quote>['\"])"
            + "|(?<!\\bline\\s|\\blines\\s)(?<number>-?\\d+(?:\\.\\d+)?)(?![\\w.]\\w|\\w)"
            + "|(?<word>True|False|None|true|false)\\b)");
    private static final int MOST_VALUES = 16;
    private static final Pattern DIFFERENCE_BEFORE = Pattern.compile("(?i)\\b(?:the\\s+|an\\s+)?extra\\s+$|\\boff\\s+by\\s+$"
            + "|\\btoo\\s+(?:much|many|high|low|big|small)\\s+by\\s+$");
    private static final Pattern CONTEXT_BEFORE = Pattern.compile("(?i)\\bfrom\\s+-?\\d+(?:\\.\\d+)?\\s+to\\s+$"
            + "|\\b[a-z_]\\w*\\s*[-+*/%]\\s*$");
    private static final Pattern FROM_BEFORE = Pattern.compile("(?i)\\bfrom\\s+$");
    private static final Pattern TO_AFTER = Pattern.compile("(?i)\\s+to\\s+-?\\d");
    private static final int MOST_GUESSED_CALLS = 12;

    /**
     * The last resort when no phrasing was read ("for 6 i get 13 but the 6th fib is 8", "sum_digits(1234) the answer
     * is 10 but mine says 6", "typed 1 2 3 and got 3... should add up to 6"): the calls of the program's functions
     * written in the text (else the call its inputs make, else the program's own calls and each value tried on a
     * one-parameter function), or, for a program that reads input, the input typed, with every literal value the
     * text holds outside those calls. The harness runs them: the value the program gives that the student wrote is
     * what they saw, another one they wrote is what they want.
     */
    static Optional<TestCase> byRunning(String raw, String source, List<Function> functions, boolean readsInput,
                                        String code) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = normalized(raw);
        List<int[]> spans = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        Matcher m = CALL_START.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String own = name.substring(name.lastIndexOf('.') + 1);
            int close = balancedEnd(text, m.end() - 1);
            if (close > 0 && functions.stream().anyMatch(f -> f.name().equals(own))) {
                spans.add(new int[] {m.start(), close + 1});
                calls.add(text.substring(m.start(), close + 1));
                m.region(close + 1, text.length());
            }
        }
        List<String> values = literals(text, spans, code);
        boolean script = calls.isEmpty() && (functions.isEmpty() || readsInput);
        if (values.isEmpty() && !(script && readsInput)) {
            return Optional.empty();
        }
        if (script) {     // a script: the input typed, if said
            String stdin = stdinIn(text, code).orElse("");
            List<String> rest = new ArrayList<>(values);
            for (String typed : stdin.split("[\\s,]+")) {
                rest.remove(typed);
            }
            if (readsInput) {
                rest.addAll(printedPhrases(raw, code));
            }
            return rest.isEmpty() ? Optional.empty()
                    : Optional.of(new TestCase(null, stdin, null, null, null, false, source, rest));
        }
        if (calls.size() == 1) {
            return Optional.of(new TestCase(calls.get(0), null, null, null, null, false, source, values));
        }
        Optional<TestCase> judged = calls.isEmpty() ? predicateSaid(text, functions, source) : Optional.empty();
        if (judged.isPresent()) {
            return judged;
        }
        if (calls.isEmpty()) {
            Optional<String> built = builtCall(text, functions, text.length());
            if (built.isPresent()) {
                return Optional.of(new TestCase(built.get(), null, null, null, null, false, source, values));
            }
            Set<String> guessed = new LinkedHashSet<>();
            functions.forEach(f -> guessed.addAll(callsIn(code, f.name())));
            for (Function f : functions) {
                if (f.params().size() == 1 && (functions.size() == 1 || mentioned(text, List.of(f)) != null)) {
                    values.forEach(v -> guessed.add(f.name() + "(" + v + ")"));
                }
            }
            calls = List.copyOf(guessed).subList(0, Math.min(guessed.size(), MOST_GUESSED_CALLS));
        }
        return calls.isEmpty() ? Optional.empty()
                : Optional.of(new TestCase(null, null, null, null, List.copyOf(calls), false, source, values));
    }

    private static final Pattern PREDICATE_SAID = Pattern.compile("(?i)\\b(?:(?:says|said|thinks|tells me|claims|reckons"
            + "|decides)\\s+(?:that\\s+)?(?<arg>-?\\d+(?:\\.\\d+)?|'[^'\\n]*'|\"[^\"\\n]*\")\\s+(?:is|are)\\s+(?<not>not\\s+)?"
            // "why is 9 a prime", "why isn't 'abba' a palindrome": the question itself says what the program decided
            + "|why\\s+(?:is|does\\s+it\\s+say|do\\s+i\\s+get|it\\s+says)\\s+(?<asked>-?\\d+(?:\\.\\d+)?|'[^'\\n]*'|\"[^\"\\n]*\")"
            + "\\s+(?:is\\s+)?(?<asknot>not\\s+)?|why\\s+(?:isn'?t|is\\s+not)\\s+(?<negated>-?\\d+(?:\\.\\d+)?|'[^'\\n]*'"
            + "|\"[^\"\\n]*\")\\s+)"
            + "(?:an?\\s+)?(?<adj>[a-z]+)\\b(?:\\s+(?<adj2>[a-z]+))?");

    /**
     * "my is_prime says 9 is prime", "it says 'abba' is not a palindrome": a yes/no function of one parameter named
     * after the word (is_prime, palindrome, isEven) called with the value; what it said is the truth value seen, and
     * the harness wants its opposite.
     */
    static Optional<TestCase> predicateSaid(String text, List<Function> functions, String source) {
        Matcher m = PREDICATE_SAID.matcher(text);
        while (m.find()) {
            String adj = m.group("adj").toLowerCase(Locale.ROOT);
            String both = m.group("adj2") == null ? adj : adj + m.group("adj2").toLowerCase(Locale.ROOT);
            String arg = m.group("arg") != null ? m.group("arg") : m.group("asked") != null ? m.group("asked")
                    : m.group("negated");
            boolean negated = m.group("not") != null || m.group("asknot") != null || m.group("negated") != null;
            for (Function f : functions) {
                String name = f.name().toLowerCase(Locale.ROOT).replace("_", "");
                // "leap year" names is_leap_year as "leap" names is_leap
                boolean named = java.util.stream.Stream.of(adj, both).distinct()
                        .anyMatch(a -> name.equals("is" + a) || name.equals(a) || name.equals("has" + a));
                if (f.params().size() == 1 && named) {
                    String claimed = negated ? "False" : "True";
                    return Optional.of(new TestCase(f.name() + "(" + arg + ")", null, null, null, null,
                            false, source, List.of(claimed)));
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern SHOWN = Pattern.compile("(?i)\\b(?:says|said|saying|tells me|told me|prints|printed"
            + "|printing|shows|showed|outputs|displays|should (?:say|print|show|output|display)|supposed to (?:say|print"
            + "|show))\\b\\s*:?\\s*(?<what>[^\\n]{1,60}?)(?=\\s*(?:[.?!,;]|\\s(?:but|even|when|which|and|although"
            + "|though|instead|because|so|for|if|at|every|all|no matter)\\b|$))", Pattern.MULTILINE);
    private static final int MOST_PHRASES = 4;

    /**
     * What a program that reads input printed, or should print, in the student's words ("it still tells me nope try
     * again", "it should say correct") and the lines a pasted console run shows after its last prompt: texts the
     * harness compares with the run's output (words and numbers, punctuation aside) to see which one the student saw.
     */
    static List<String> printedPhrases(String text, String code) {
        List<String> phrases = new ArrayList<>();
        List<String> prompts = INPUT_PROMPT.matcher(code).results().map(r -> r.group(2).strip())
                .filter(p -> p.length() >= 3).toList();
        String[] lines = text.split("\n");
        int last = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (prompts.stream().anyMatch(line::contains)) {
                last = i;
            }
        }
        for (int i = last + 1; last >= 0 && i < lines.length && !lines[i].isBlank(); i++) {
            phrases.add(lines[i].strip());
        }
        Matcher m = SHOWN.matcher(text);
        while (m.find()) {
            String what = m.group("what").strip();
            if (!what.isEmpty() && !phrases.contains(what)) {
                phrases.add(what);
            }
        }
        return phrases.subList(0, Math.min(phrases.size(), MOST_PHRASES));
    }

    /**
     * The literal values written in the text outside the given spans (the calls), in order, as Python literals; and
     * the words of the program's own string literals written bare ("0 degrees is freezing tho" for a program that
     * prints "freezing" or "warm"): what a student quotes of its output without quotes.
     */
    static List<String> literals(String text, List<int[]> spans, String code) {
        java.util.TreeMap<Integer, String> found = new java.util.TreeMap<>();
        Matcher said = ownWords(code).matcher(text);
        while (said.find()) {
            int start = said.start();
            if (spans.stream().noneMatch(sp -> start >= sp[0] && start < sp[1])) {
                found.put(start, said.group());
            }
        }
        List<String> values = new ArrayList<>();
        Matcher m = LITERAL.matcher(text);
        int from = 0;
        while (values.size() < MOST_VALUES && m.find(from)) {
            int start = m.start();
            int[] inside = spans.stream().filter(sp -> start >= sp[0] && start < sp[1]).findFirst().orElse(null);
            if (inside != null) {
                from = inside[1];
                continue;
            }
            String value;
            String before = text.substring(Math.max(0, start - 24), start);
            if (m.group("number") != null && (DIFFERENCE_BEFORE.matcher(before).find()
                    || CONTEXT_BEFORE.matcher(before).find()
                    || FROM_BEFORE.matcher(before).find() && TO_AFTER.matcher(text.substring(m.end())).lookingAt())) {
                // "where does the extra 9 come from": how far off, neither seen nor wanted; "from 4 to 10", "len - 2",
                // "i + 1": the values it went between and the student's own arithmetic are neither either
                value = null;
            } else if (m.group("number") != null) {
                value = m.group("number");
            } else if (m.group("word") != null) {
                value = Character.toUpperCase(m.group("word").charAt(0)) + m.group("word").substring(1);
            } else if (m.group("quote") != null) {
                int close = text.indexOf(m.group("quote"), start + 1);
                boolean closes = close > 0 && (close + 1 == text.length()
                        || !Character.isLetterOrDigit(text.charAt(close + 1)));
                value = closes && !text.substring(start, close).contains("\n") ? text.substring(start, close + 1) : null;
            } else {
                int close = balancedEnd(text, start);
                value = close > 0 ? text.substring(start, close + 1) : null;
                // "[1, 'a']" or "{'a': 2}", not "(see above)": outside its strings only numbers and punctuation
                if (value != null && !value.replaceAll("'[^']*'|\"[^\"]*\"|\\b(?:True|False|None)\\b", "0")
                        .matches("[\\d\\s.,:+\\-\\[\\]{}()eE]*")) {
                    value = null;
                }
            }
            if (value == null) {
                from = start + 1;
                continue;
            }
            values.add(value);
            found.put(start, value);
            from = start + value.length();
            if (m.group("word") != null) {
                from = start + m.group("word").length();
            }
        }
        List<String> inOrder = List.copyOf(found.values());
        return inOrder.subList(0, Math.min(inOrder.size(), MOST_VALUES));
    }

    /** A string literal of the program that is one word of letters, as a bare word (not its prompts to input()). */
    private static final Pattern WORD_LITERAL = Pattern.compile("(?<!input\\()(['\"])([A-Za-z][a-z]{2,})[.!]?\\1");

    private static Pattern ownWords(String code) {
        Set<String> words = new java.util.TreeSet<>();
        Matcher m = WORD_LITERAL.matcher(code == null ? "" : code);
        while (m.find()) {
            if (!NOT_A_VALUE.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                words.add(Pattern.quote(m.group(2)));
            }
        }
        return words.isEmpty() ? Pattern.compile("(?!)")
                : Pattern.compile("(?<![\\w'\"])(?:" + String.join("|", words) + ")(?![\\w'\"])");
    }

    // ------------------------------------------------------------------------------------------ comments

    /**
     * An expectation written only as a comment: {@code print(triple(4))  # should print 12} or
     * {@code # evens_upto(6) -> [0, 2, 4, 6]}. Only calls of the program's own functions count.
     */
    static List<TestCase> comments(String code, List<Function> functions) {
        if (functions.isEmpty()) {
            return List.of();
        }
        List<TestCase> cases = new ArrayList<>();
        for (String line : code.split("\n")) {
            Matcher comment = COMMENT.matcher(line);
            if (!comment.find()) {
                continue;
            }
            String said = ARROW.matcher(comment.group("text")).replaceAll(" should be ");
            Values values = values(said);
            if (values.expected() == null) {
                continue;
            }
            Optional<String> call = explicitCall(said, functions, values.at());
            if (call.isEmpty()) {     // "print(triple(4))  # should print 12": the call printed on that line
                Matcher printed = PRINTED_CALL.matcher(comment.group("code"));
                if (printed.find()) {
                    call = explicitCall(printed.group(1), functions, Integer.MAX_VALUE);
                }
            }
            call.ifPresent(c -> cases.add(TestCase.call(c, values.expected(), values.actual(), "comment")));
        }
        return cases;
    }

    // ------------------------------------------------------------------------------------------ code in question

    static Optional<String> codeIn(String question) {
        Matcher fenced = FENCED.matcher(question);
        if (fenced.find()) {
            return Optional.of(fenced.group("code"));
        }
        List<String> block = new ArrayList<>();
        List<String> best = List.of();
        for (String line : question.split("\n", -1)) {
            if ((line.startsWith("    ") || line.startsWith("\t")) && !line.isBlank()) {
                block.add(line);
            } else if (!line.isBlank() || block.isEmpty()) {
                if (block.size() > best.size()) {
                    best = List.copyOf(block);
                }
                block.clear();
            }
        }
        if (block.size() > best.size()) {
            best = block;
        }
        List<String> plain = plainBlock(question);
        if (plain.size() > best.size()) {   // pasted as it is, "def f(x):" at the margin and its body indented
            return Optional.of(String.join("\n", plain) + "\n");
        }
        if (best.size() >= 2) {
            return Optional.of(dedent(best));
        }
        // a one-liner: "My loop never stops: i = 0; while i < 10: print(i)"
        for (String line : question.split("\n")) {
            if (!line.contains(";")) {
                continue;
            }
            Matcher start = CODE_START.matcher(line);
            if (start.find()) {
                String tail = line.substring(start.end()).strip();
                tail = tail.replaceAll("(?i)\\s+(why|what|how|help|any idea|can you)\\b.*$", "").strip();
                String[] statements = tail.split("\\s*;\\s*");
                if (statements.length >= 2) {
                    return Optional.of(String.join("\n", statements).strip() + "\n");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A line of Python as students paste it into a chat box: a block header ending in ":", an assignment, an
     * import, a whole call (possibly printed), a comment, or an indented line; from an interpreter session, the
     * lines after {@code >>> } and {@code ... } (what the interpreter printed stays with the words).
     */
    private static final Pattern CODE_LINE = Pattern.compile("^(?:[ \\t]+\\S.*|(?:def|class|for|while|if|elif|else|try"
            + "|except|finally|with)\\b.*:\\s*(?:#.*)?|import\\s+\\w.*|from\\s+[\\w.]+\\s+import\\s.*|return\\b.*"
            + "|[A-Za-z_][\\w.]*(?:\\[[^\\]]*\\])?\\s*[-+*/%]?=(?!=)\\s*\\S.*|[A-Za-z_][\\w.]*\\((?:[^()]|\\([^()]*\\))*\\)\\s*(?:#.*)?|#.*)$");
    /** A call typed at the interpreter's prompt to see its value ({@code >>> count_up(4)}). */
    private static final Pattern PROBE = Pattern.compile("^[A-Za-z_][\\w.]*\\(.*\\)\\s*$");
    private static final Pattern PROMPT = Pattern.compile("^(?:>>>|\\.\\.\\.)(?: |$)");

    /** The largest run of code lines (blank lines inside it kept) that defines a function or class, or is 3+ lines. */
    static List<String> plainBlock(String question) {
        List<String> best = List.of();
        List<String> block = new ArrayList<>();
        String[] lines = question.split("\n", -1);
        boolean session = java.util.Arrays.stream(lines).anyMatch(l -> l.startsWith(">>> def ") || l.startsWith(">>> class "));
        for (String raw : lines) {
            String line = session && PROMPT.matcher(raw).find() ? raw.substring(Math.min(4, raw.length())) : raw;
            if (session && (!PROMPT.matcher(raw).find() && !raw.isBlank()
                    || raw.startsWith(">>> ") && PROBE.matcher(line).matches())) {
                continue;      // what the interpreter printed, or a call tried at the prompt: words, not program
            }
            if (CODE_LINE.matcher(line).matches() || line.isBlank() && !block.isEmpty()) {
                block.add(line.stripTrailing());
                continue;
            }
            best = better(block, best);
            block = new ArrayList<>();
        }
        return better(block, best);
    }

    private static List<String> better(List<String> block, List<String> best) {
        List<String> trimmed = new ArrayList<>(block);
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isBlank()) {
            trimmed.remove(trimmed.size() - 1);
        }
        boolean defines = trimmed.stream().anyMatch(l -> l.startsWith("def ") || l.startsWith("class "));
        return (defines || trimmed.size() >= 3) && !trimmed.get(0).startsWith(" ") && trimmed.size() > best.size()
                ? trimmed : best;
    }

    /** The question without any code pasted in it (fenced, indented, or a one-liner's statements). */
    private static String proseOnly(String question) {
        StringBuilder prose = new StringBuilder();
        for (String line : withoutCode(question).split("\n")) {
            Matcher start = CODE_START.matcher(line);
            if (line.startsWith("    ") || line.startsWith("\t")) {
                continue;
            }
            prose.append(line.contains(";") && start.find() ? line.substring(0, start.start()) : line).append('\n');
        }
        return prose.toString();
    }

    /** The question without the lines that became the program (a session's prompts taken off). */
    private static String withoutLines(String question, String program) {
        Set<String> code = new java.util.HashSet<>(program.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        StringBuilder prose = new StringBuilder();
        for (String line : question.split("\n", -1)) {
            String bare = PROMPT.matcher(line).replaceFirst("").strip();
            if (!code.contains(bare) || bare.isEmpty() && !line.isBlank() || line.startsWith(">>> ")
                    && PROBE.matcher(bare).matches()) {
                prose.append(line).append('\n');
            }
        }
        return prose.toString();
    }

    private static String withoutCode(String question) {
        return FENCED.matcher(question).replaceAll(" ");
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------ labelled blocks


    /**
     * "Input: 3\nExpected output:\n1\n4\n9\nYour output:\n0\n1\n4", "Expected: 6 / Got: 5", "expected: sum is 10
     * actual: sum is 2": labelled parts, a label's text running over the lines below it up to the next label.
     */
    static List<TestCase> labelled(String text, String source, List<Function> functions, boolean readsInput,
                                   String code) {
        // doctest's report of an example that printed nothing: the call gave None
        String split = PHRASES.matcher(Phrase.INLINE_LABEL, DOCTEST_GOT_NOTHING.matcher(text).replaceAll("$1Got: None"))
                .replaceAll("\n");
        Map<String, StringBuilder> parts = new java.util.LinkedHashMap<>();
        String current = null;
        boolean printed = false;
        // "Output:" is what it should print on a judge's page, but what it printed beside an "Expected:"
        boolean expectedLabel = split.lines().map(l -> PHRASES.matcher(Phrase.LABEL, l))
                .anyMatch(l -> l.lookingAt() && l.group("label").toLowerCase(Locale.ROOT)
                        .matches(".*(expected|correct|desired|wanted|right|should|sample).*"));
        // "... it should be around 1157. output:" and the output pasted: the words before the first label already
        // said what it should give, so the output below is what it gave
        String beforeLabels = split.lines().takeWhile(l -> !PHRASES.matcher(Phrase.LABEL, l).lookingAt())
                .collect(java.util.stream.Collectors.joining(" "));
        expectedLabel |= SAID_WHAT_IT_SHOULD.matcher(beforeLabels).find();

        for (String line : split.split("\n", -1)) {
            Matcher label = PHRASES.matcher(Phrase.LABEL, line);
            if (label.lookingAt()) {
                String name = label.group("label").toLowerCase(Locale.ROOT);
                current = name.contains("input") || name.contains("stdin") ? "input"
                        : name.matches(".*(expected|correct|desired|wanted|right|should|sample).*") ? "expected"
                        : name.matches("(?:the )?(?:outputs?|results?)") && !expectedLabel
                        ? "expected" : "actual";
                printed |= current.equals("expected") && name.matches(".*(output|print|say).*");
                if (parts.containsKey(current)) {
                    break;     // a second set of labels: the first one is the case
                }
                parts.put(current, new StringBuilder(line.substring(label.end())));
            } else if (current != null) {
                StringBuilder part = parts.get(current);
                if (line.isBlank() && !part.toString().isBlank()
                        || !part.toString().isBlank() && SAYS_WHAT_IT_DOES.matcher(line).lookingAt()) {
                    current = null;
                } else {
                    part.append('\n').append(line);
                }
            }
        }
        if (!parts.containsKey("expected")) {
            return List.of();
        }
        String expected = block(parts.get("expected").toString());
        String claimed = parts.containsKey("actual") ? block(parts.get("actual").toString()) : null;
        if (expected.isEmpty()) {
            return List.of();
        }
        String input = parts.containsKey("input") ? block(parts.get("input").toString()) : null;
        boolean script = functions.isEmpty() || readsInput;
        if (script) {
            if (input != null) {     // an input/output pair, as a judge shows it
                return List.of(TestCase.input(stdinOf(input, code), expected, claimed, "stdin"));
            }
            return List.of(TestCase.input(readsInput ? stdinIn(text, code).orElse("") : "", expected, claimed, source));
        }
        if (input != null) {
            Optional<String> call = explicitCall(input, functions, Integer.MAX_VALUE)
                    .or(() -> callWith(functions.size() == 1 ? functions.get(0) : mentioned(text, functions),
                            valueList(input, 0).values()));
            return call.map(c -> List.of(TestCase.call(c, expected, claimed, source))).orElse(List.of());
        }
        if (printed && expected.contains("\n") || printed && MODULE_PRINT.matcher(code).find()
                && explicitCall(text, functions, Integer.MAX_VALUE).isEmpty()) {
            return List.of(TestCase.input("", expected, claimed, source));    // what the whole program prints
        }
        Optional<String> call = explicitCall(text, functions, Integer.MAX_VALUE);
        if (call.isPresent()) {
            return List.of(TestCase.call(call.get(), expected, claimed, source));
        }
        Function named = mentioned(text, functions);
        List<String> candidates = named == null ? List.of() : callsIn(code, named.name());
        if (candidates.isEmpty() && "None".equals(claimed)) {
            return noneForAnyInput(text, expected, functions, source);
        }
        return candidates.isEmpty() ? List.of() : List.of(new TestCase(null, null, expected, claimed, candidates,
                false, source));
    }

    /**
     * "Expected: 8 / Got: None" with no call said and none in the program: a function of one parameter that gives
     * None loses its value whatever it is given, so it is called with a value of the text (the expected one when
     * there is no other). The case fails on None and on nothing else (its value is unknown for that input).
     */
    private static List<TestCase> noneForAnyInput(String text, String expected, List<Function> functions,
                                                  String source) {
        List<Function> oneParameter = functions.stream().filter(f -> f.params().size() == 1).toList();
        if (functions.size() != 1 || oneParameter.size() != 1) {
            return List.of();
        }
        List<String> values = literals(text, List.of(), "").stream().filter(v -> !v.equals("None")).toList();
        String argument = values.stream().filter(v -> !v.equals(expected)).findFirst()
                .orElse(values.isEmpty() ? null : values.get(0));
        return argument == null ? List.of() : List.of(TestCase.call(oneParameter.get(0).name() + "(" + argument + ")",
                "a value, not None", "None", source));
    }

    private static final Pattern MODULE_PRINT = Pattern.compile("(?m)^print\\(");
    private static final Pattern SAID_WHAT_IT_SHOULD = Pattern.compile("(?i)\\b(?:should|must|supposed to|expected|"
            + "expect|i want|wanted)\\b");

    private static final Pattern SAYS_PRINTED = Pattern.compile("(?i)\\b(?:it|my program|the program|mine|output)\\s+"
            + "(?:prints|printed|shows|showed|says|said|is|was|displays)\\b|\\boutput\\s*:");
    /** A line after a labelled output that is a sentence about it ("but it shows sum: -1"), not more output. */
    private static final Pattern SAYS_WHAT_IT_DOES = Pattern.compile("(?i)\\s*(?:but|instead|however|whereas"
            + "|(?:and )?(?:it|mine|my program) (?:prints|printed|shows|showed|says|said|gives|gave|outputs)"
            + "|i (?:get|got|see))\\b");

    /** A labelled part: trailing blank lines and a trailing clause ("15 but it prints 10") off, quotes off a value. */
    private static String block(String raw) {
        List<String> lines = new ArrayList<>(raw.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() == 1) {
            String one = PHRASES.matcher(Phrase.TRAILING_CLAUSE, lines.get(0).strip()).replaceAll("")
                    .replaceAll("[.!]$", "");
            return unquote(one.replaceAll("^`+|`+$", ""));
        }
        return String.join("\n", lines).replaceAll("^```\\w*\\n|\\n```$", "");
    }

    // ------------------------------------------------------------------------------------------ phrasings

    record Function(String name, List<String> params) {
    }

    static List<Function> functions(String code) {
        List<Function> found = new ArrayList<>();
        Matcher m = DEF.matcher(code);
        while (m.find()) {
            List<String> params = new ArrayList<>();
            for (String p : m.group(2).split(",")) {
                String name = p.strip().replaceAll("[:=].*$", "").replace("*", "").strip();
                if (!name.isEmpty() && !name.equals("self")) {
                    params.add(name);
                }
            }
            if (!m.group(1).startsWith("__")) {     // __init__ and the like are not called by name
                found.add(new Function(m.group(1), params));
            }
        }
        return found;
    }

    static List<TestCase> fromText(String text, String source, List<Function> functions, boolean readsInput,
                                   String code) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        text = normalized(text);
        List<TestCase> quoted = quotedTests(text, source, functions, moduleNames(code));
        if (!quoted.isEmpty()) {
            return quoted;
        }
        List<TestCase> cases = new ArrayList<>(labelled(text, source, functions, readsInput, code));
        if (!cases.isEmpty()) {
            return cases;
        }
        Matcher pair = PHRASES.matcher(Phrase.IO_PAIR, text);
        while (pair.find()) {
            cases.add(TestCase.input(stdinOf(pair.group("in"), code), unquote(pair.group("out")), null, "stdin"));
        }
        if (!cases.isEmpty()) {
            return cases;
        }
        Matcher block = PHRASES.matcher(Phrase.MULTILINE_EXPECTED, text);
        if (block.find() && block.group("out").strip().contains("\n")) {   // what the whole program prints
            Matcher was = PHRASES.matcher(Phrase.MULTILINE_ACTUAL, text);
            String claimed = was.find() ? was.group("out").strip() : null;
            String stdin = stdinIn(text.substring(0, block.start()), code).orElse("");
            return List.of(TestCase.input(stdin, block.group("out").strip(), claimed, source));
        }
        long expectations = PHRASES.matcher(Phrase.EXPECTED_WORD, text).results().count();
        String[] sentences = expectations <= 1 ? new String[] {text.replace('\n', ' ')}
                : text.split("(?<=[.!?])\\s+(?=[A-Z])|\\n+");
        // a console run pasted over lines: read before its lines are joined into one sentence
        Optional<String> console = readsInput && sentences.length == 1 ? promptedInput(text, code) : Optional.empty();
        for (String sentence : sentences) {
            List<TestCase> several = respectively(sentence, functions, source);
            if (!several.isEmpty()) {
                cases.addAll(several);
                continue;
            }
            for (String segment : segments(sentence)) {
                sentenceCase(segment, source, functions, readsInput, code, console).ifPresent(cases::add);
            }
        }
        if (readsInput && sentences.length > 1) {
            // "when i type 5 it only draws 4 steps. I want 5 steps": what was typed, said in another sentence
            Optional<String> typed = stdinIn(text.replace('\n', ' '), code);
            if (typed.isPresent() && !typed.get().isBlank()) {
                cases.replaceAll(c -> c.call() == null && c.stdin() != null && c.stdin().isBlank()
                        && c.values() == null ? TestCase.input(typed.get(), c.expected(), c.claimed(), c.source()) : c);
            }
        }
        if (!cases.isEmpty()) {
            Set<String> failing = new java.util.HashSet<>();
            cases.forEach(c -> failing.add(String.valueOf(c.call())));
            statedPassing(text, functions).stream().filter(c -> !failing.contains(c.call()))
                    .forEach(c -> cases.add(new TestCase(c.call(), null, c.expected(), c.claimed(), null, false,
                            source)));
        }
        return cases;
    }


    /**
     * Several calls whose values are said together, in the same order: "f([2,3]) gives -5 and f([1]) gives -1, should
     * be 5 and 1", "area(3, 4) and area(5, 2) give 7 and 7, they should be 12 and 10". One case per call; none when
     * the counts differ (then the sentence is read as usual).
     */
    static List<TestCase> respectively(String sentence, List<Function> functions, String source) {
        List<String> calls = new ArrayList<>();
        List<String> actuals = new ArrayList<>();
        int lastCall = -1;
        Matcher m = CALL_START.matcher(sentence);
        while (m.find()) {
            String name = m.group(1);
            String own = name.substring(name.lastIndexOf('.') + 1);
            int close = balancedEnd(sentence, m.end() - 1);
            if (close < 0 || functions.stream().noneMatch(f -> f.name().equals(own))) {
                continue;
            }
            calls.add(sentence.substring(m.start(), close + 1).replace("`", ""));
            String rest = sentence.substring(close + 1);
            Matcher said = PHRASES.matcher(Phrase.ARROW_OR_ACTUAL, rest);
            actuals.add(said.lookingAt() ? valueAt(rest, said.end()).orElse(null) : null);
            lastCall = close + 1;
            m.region(close + 1, sentence.length());
        }
        if (calls.size() < 2) {
            return List.of();
        }
        String after = sentence.substring(lastCall);
        Matcher wanted = PHRASES.matcher(Phrase.EXPECTED_WORD, after);
        if (!wanted.find()) {
            return List.of();
        }
        List<String> expected = valueList(after, wanted.end()).values();
        if (expected.size() != calls.size()) {
            return List.of();
        }
        // "f(3, 4) and f(5, 2) give 7 and 7": the values after the last call are all of them
        if (actuals.subList(0, calls.size() - 1).stream().allMatch(java.util.Objects::isNull)) {
            Matcher given = PHRASES.matcher(Phrase.ARROW_OR_ACTUAL, after);
            List<String> together = given.lookingAt() ? valueList(after, given.end()).values() : List.of();
            if (together.size() == calls.size()) {
                actuals = new ArrayList<>(together);
            }
        }
        List<TestCase> cases = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (!expected.get(i).equals(actuals.get(i))) {
                cases.add(TestCase.call(calls.get(i), expected.get(i), actuals.get(i), source));
            }
        }
        return cases;
    }

    /**
     * "sq(2) gives 4 (correct) but sq(3) gives 6", "is_adult(30) -> True (ok)": calls the student says already
     * give the right value. They run as passing cases, so that a repair that breaks them is not taken.
     */
    static List<TestCase> statedPassing(String text, List<Function> functions) {
        List<TestCase> passing = new ArrayList<>();
        Matcher m = CALL_START.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            int close = balancedEnd(text, m.end() - 1);
            if (close < 0 || functions.stream().noneMatch(f -> f.name().equals(name))) {
                continue;
            }
            String rest = text.substring(close + 1);
            Matcher said = PHRASES.matcher(Phrase.ARROW_OR_ACTUAL, rest);
            if (!said.lookingAt()) {
                continue;
            }
            Optional<String> value = valueAt(rest, said.end());
            if (value.isEmpty()) {
                continue;
            }
            int after = rest.indexOf(value.get(), said.end()) + value.get().length();
            if (PHRASES.matcher(Phrase.WORKS, rest.substring(after)).lookingAt()) {
                passing.add(TestCase.call(text.substring(m.start(), close + 1), value.get(), value.get(), "question"));
            }
        }
        return passing;
    }

    /** Typed quotes and arrows, and the usual misspellings of the words the phrasings hang on. */
    private static final Map<Pattern, String> TYPOS = Map.of(
            Pattern.compile("(?i)\\b(?:shoud|shuld|sould|shoudl|shuold|shold|sholud|shoule|shud|shld|shoould|shoulld"
                    + "|shouldd|shouls)\\b"), "should",
            Pattern.compile("(?i)\\b(?:expcted|exepcted|expeted|expexted|expectd|excpected|exspected|expecetd|expeced"
                    + "|expectet|exected|epxected|expecte)\\b"), "expected",
            Pattern.compile("(?i)\\b(?:retuns|retruns|retunrs|returs|retunr|retursn|reutrns|retrun|retun)\\b"),
            "returns",
            Pattern.compile("(?i)\\b(?:pritns|prnts|printes|prinst|pirnts|prins)\\b"), "prints",
            Pattern.compile("(?i)\\b(?:ouput|outptu|ouptut|otuput|outpt)\\b"), "output",
            Pattern.compile("(?i)\\b(?:insted|instaed|isntead|intead|instad)\\b"), "instead");

    static String normalized(String text) {
        String t = text.replace('\u201c', '"').replace('\u201d', '"').replace('\u201e', '"')
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u00b4', '\'')
                .replace("\u2192", "->").replace("\u21d2", "=>").replace("\u2013", "-").replace("\u2014", "-")
                .replace("\r\n", "\n").replace('\u00a0', ' ')
                .replaceAll(":\\s*<([^<>\\n]*)>", ": $1");    // JUnit's "expected:<5> but was:<8>"
        for (Map.Entry<Pattern, String> typo : TYPOS.entrySet()) {
            t = typo.getKey().matcher(t).replaceAll(typo.getValue());
        }
        return t;
    }

    private static Optional<TestCase> sentenceCase(String sentence, String source, List<Function> functions,
                                                   boolean readsInput, String code, Optional<String> console) {
        Values values = values(sentence);
        boolean script = functions.isEmpty() || readsInput;
        // "it prints Total: $5.00 but it should be $34.00": a program that prints at its top level, told of by what
        // it prints, is judged on its output like a script
        boolean printedRun = !script && MODULE_PRINT.matcher(code).find() && SAYS_PRINTED.matcher(sentence).find();
        if (values.expected() == null) {
            if (!(script || printedRun) || values.expectedLine() == null) {
                return Optional.empty();
            }
            // Only printed words ("should say Correct!"): what the whole program prints.
            Values printed = values.printed();
            return Optional.of(printedCase(console.orElseGet(() -> typedIn(sentence, code, values)), printed, source));
        }
        // a script's own code has no functions to call: "abcdefghij (10 letters)" is not a call
        Optional<String> call = functions.isEmpty() && !code.isBlank() ? Optional.empty()
                : explicitCall(sentence, functions, values.at());
        if (call.isEmpty()) {
            Optional<String> stdin = console.isPresent() ? console
                    : readsInput || functions.isEmpty() ? stdinIn(sentence, code) : Optional.empty();
            if (stdin.isPresent()) {
                Values printed = values.printed();
                return Optional.of(printedCase(stdin.get(), printed, source));
            }
            call = builtCall(sentence, functions, values.at());
        }
        if (call.isPresent()) {
            return Optional.of(TestCase.call(call.get(), values.expected(), values.actual(), source));
        }
        Function named = mentioned(sentence, functions);
        if (named != null) {
            List<String> candidates = callsIn(code, named.name());
            if (!candidates.isEmpty()) {
                return Optional.of(new TestCase(null, null, values.expected(), values.actual(), candidates, false,
                        source));
            }
        }
        if (functions.isEmpty() || readsInput || printedRun) {   // a script: what it prints
            Values printed = values.printed();
            return Optional.of(printedCase(console.orElseGet(() -> typedIn(sentence, code, values)), printed,
                    source));
        }
        return Optional.empty();
    }

    /** A whole program's case: what it prints, as the student quoted it ('strong enough' is printed without quotes). */
    private static TestCase printedCase(String stdin, Values printed, String source) {
        return TestCase.input(stdin, printed.expected() == null ? null : unquote(printed.expected()),
                printed.actual() == null ? null : unquote(printed.actual()), source);
    }

    /**
     * What is typed for a program that reads input: said with a verb ("when I enter 9"), else the number the
     * sentence is about ("10 miles should be 16.09 km", "150 degrees should say gas", "9 isn't prime but ...").
     */
    private static String typedIn(String sentence, String code, Values values) {
        Optional<String> said = stdinIn(sentence, code);
        if (said.isPresent() || !code.contains("input(") || values.at() <= 0) {
            return said.orElse("");
        }
        // "bill 10 and 4 people": as many numbers as the program reads lines
        int reads = Math.max(1, code.split("input\\(", -1).length - 1);
        List<String> numbers = new ArrayList<>();
        Matcher number = PHRASES.matcher(Phrase.LEADING_NUMBER, sentence.substring(0, values.at()));
        while (number.find() && numbers.size() < reads) {
            String n = number.group(1);
            if (!n.equals(values.actual()) && !n.equals(values.expected())) {
                numbers.add(n);
            }
        }
        return numbers.isEmpty() ? "" : typed(numbers, code);
    }


    /** @param at where the expectation phrase starts (the call nearest before it is the one meant) */
    /**
     * "f('banana') gives 3, expected 3... sorry f('hello') returns 3 instead of 2": one part per expectation, each
     * running from the end of the previous expected value to the start of the next expectation phrase.
     */
    static List<String> segments(String sentence) {
        List<java.util.regex.MatchResult> markers = PHRASES.matcher(Phrase.EXPECTED_WORD, sentence).results()
                .filter(m -> valueAt(sentence, m.end()).isPresent()).toList();
        if (markers.size() <= 1) {
            return List.of(sentence);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < markers.size(); k++) {
            int end = k + 1 < markers.size() ? markers.get(k + 1).start() : sentence.length();
            if (end > start) {
                parts.add(sentence.substring(start, end));
            }
            start = Math.min(end, markers.get(k).end() + rawLength(sentence, markers.get(k).end()));
        }
        return parts;
    }

    /**
     * @param expectedLine the words after the expectation up to the end of its clause ("Correct after 1 try",
     *                     "3 x 10 = 30"): what a whole program should print, when that is more than one value
     * @param actualLine   the same for what it prints now
     */
    record Values(String actual, String expected, int at, String expectedLine, String actualLine) {

        Values(String actual, String expected, int at) {
            this(actual, expected, at, null, null);
        }

        /** For a whole program: the printed line as the student wrote it, when it is more than the one value. */
        Values printed() {
            return new Values(actualLine != null ? actualLine : actual, expectedLine != null ? expectedLine : expected,
                    at, null, null);
        }
    }

    /** The expected value, and the actual one when the sentence says it. */
    static Values values(String sentence) {
        String expected = null;
        String actual = null;
        String expectedLine = null;
        String actualLine = null;
        Matcher e = PHRASES.matcher(Phrase.EXPECTED_WORD, sentence);
        while (e.find()) {
            Optional<String> value = valueAt(sentence, e.end());
            expectedLine = printedLine(sentence, e.end(), value.orElse(null));
            if (value.isEmpty() && expectedLine == null) {
                continue;
            }
            expected = value.orElse(null);
            boolean insteadOf = PHRASES.matcher(Phrase.INSTEAD_OF, sentence.substring(0, e.end()).strip()).find();
            if (insteadOf) {    // "returns 8 instead of 5": the value before is what it does now
                actual = actualBefore(sentence, e.start()).orElse(null);
            }
            String after = sentence.substring(Math.min(sentence.length(), e.end() + rawLength(sentence, e.end())));
            Matcher not = PHRASES.matcher(Phrase.NOT_VALUE, after);
            if (actual == null && not.find()) {
                actual = valueAt(after, not.end()).orElse(null);
            }
            break;
        }
        if (expected == null && expectedLine == null) {
            return postfixExpected(sentence).orElseGet(() -> notInstead(sentence));
        }
        if (actual == null) {
            Matcher a = PHRASES.matcher(Phrase.ACTUAL_WORD, sentence);
            while (a.find()) {
                if (withinExpectedPhrase(sentence, a.start()) || namesAnInput(sentence, a)) {
                    continue;
                }
                Optional<String> value = valueAt(sentence, a.end());
                String line = printedLine(sentence, a.end(), value.orElse(null));
                if (value.isPresent() || line != null) {   // "it printed Wrong": printed words only
                    actual = value.orElse(line);
                    actualLine = line;
                    break;
                }
            }
        }
        return new Values(actual, expected, e.start(), expectedLine, actualLine);
    }


    /** "bill 10 and 4 people -> each pays 2.5 expected": the expected value or printed line before the word. */
    private static Optional<Values> postfixExpected(String sentence) {
        Matcher m = PHRASES.matcher(Phrase.POSTFIX_EXPECTED, sentence);
        if (!m.find()) {
            return Optional.empty();
        }
        String said = m.group("said").strip();
        Optional<String> value = valueAt(said, 0).filter(v -> v.length() == said.length());
        String line = value.isPresent() ? null : said;
        String last = null;
        Matcher number = NUMBER.matcher(said);
        while (number.find()) {
            last = number.group();
        }
        String expected = value.orElse(last);
        if (expected == null) {
            return Optional.empty();
        }
        String actual = null;
        String actualLine = null;
        Matcher a = PHRASES.matcher(Phrase.ACTUAL_WORD, sentence.substring(m.end()));
        while (a.find()) {
            String rest = sentence.substring(m.end());
            Optional<String> v = valueAt(rest, a.end());
            String printed = printedLine(rest, a.end(), v.orElse(null));
            if (v.isPresent() || printed != null) {
                actual = v.orElse(printed);
                actualLine = printed;
                break;
            }
        }
        return Optional.of(new Values(actual, expected, m.start("said"), line, actualLine));
    }

    /** "total_of([10, 20]) comes out 1 not 30", "it returns 5, not 6": what it does, then what it should do. */
    private static Values notInstead(String sentence) {
        Matcher a = PHRASES.matcher(Phrase.ACTUAL_WORD, sentence);
        while (a.find()) {
            if (namesAnInput(sentence, a)) {
                continue;
            }
            Optional<String> value = valueAt(sentence, a.end());
            if (value.isEmpty()) {
                continue;
            }
            String after = sentence.substring(Math.min(sentence.length(), a.end() + rawLength(sentence, a.end())));
            Matcher not = PHRASES.matcher(Phrase.NOT_VALUE, after);
            if (not.find()) {
                Optional<String> wanted = valueAt(after, not.end());
                if (wanted.isPresent()) {
                    return new Values(value.get(), wanted.get(), a.start());
                }
            }
        }
        return new Values(null, null, -1);
    }


    /**
     * "should say Correct after 1 try but", "the last line should be 3 x 10 = 30 but": the words from {@code from}
     * to the end of the clause, when they are more than the value found there and read as printed text (not a
     * bracketed or quoted value). Null otherwise.
     */
    private static final Pattern SAY_VERB = Pattern.compile("(?i)\\b(?:should|must|to)\\s+(?:(?:just|only|really"
            + "|actually)\\s+)?(?:say|print|display|show|output)\\s*:?\\s*$");
    private static final Set<String> NOT_PRINTED_START = Set.of("the", "a", "an", "my", "its", "it", "this", "that",
            "something", "anything", "what", "nothing", "same", "correct", "right", "wrong", "not");

    /** "should say got it in 1": words it should print, with a number in them, are the printed text. */
    private static boolean printedWords(String before, String line) {
        return SAY_VERB.matcher(before).find() && line.matches(".*\\d.*")
                && !NOT_PRINTED_START.contains(line.split("\\s+")[0].toLowerCase(Locale.ROOT));
    }

    static String printedLine(String sentence, int from, String value) {
        if (value != null && !value.isEmpty() && "[({'\"".indexOf(value.charAt(0)) >= 0) {
            return null;
        }
        String rest = sentence.substring(from).replaceAll("^[\\s`*]+", "");
        Matcher end = PHRASES.matcher(Phrase.LINE_END, rest);
        int stop = end.find() ? end.start() : rest.length();
        String line = rest.substring(0, stop).strip().replaceAll("[`*]+$", "");
        if (line.endsWith(")") && !line.contains("(")) {    // "(should be 8)": the aside's bracket
            line = line.substring(0, line.length() - 1).strip();
        }
        String first = line.split("\\s+")[0];
        String firstWord = first.toLowerCase(Locale.ROOT);
        if (line.isEmpty() || line.length() > 80 || value != null && line.equals(value)
                || NOT_PRINTED.contains(firstWord.replaceAll("\\W+$", ""))
                || Character.isLowerCase(first.charAt(0)) && NOT_A_VALUE.contains(firstWord)
                && !printedWords(sentence.substring(0, from), line)
                && !(firstWord.equals("not") && line.contains(" "))    // "should say not prime"
                && (value == null || !line.startsWith(value))) {
            return null;
        }
        return line;
    }

    /** "n=5" and "n is 5" give an input, not a result; "f(5) = 8" and "the result is 8" give a result. */
    private static boolean namesAnInput(String sentence, Matcher actualWord) {
        String word = actualWord.group().strip().toLowerCase(Locale.ROOT);
        if (!word.equals("=") && !word.equals("is")) {
            return false;
        }
        String before = sentence.substring(0, actualWord.start()).stripTrailing();
        if (before.endsWith(")") || before.endsWith("]")) {
            return false;
        }
        return !before.toLowerCase(Locale.ROOT).matches("(?s).*\\b(it|result|output|answer|value|sum|total|average)$");
    }

    /** "should be" / "supposed to print" contain the actual-words "be"/"print": skip those. */
    private static boolean withinExpectedPhrase(String sentence, int at) {
        Matcher e = PHRASES.matcher(Phrase.EXPECTED_WORD, sentence);
        while (e.find()) {
            if (at >= e.start() && at < e.end()) {
                return true;
            }
        }
        String before = sentence.substring(Math.max(0, at - 14), at).toLowerCase(Locale.ROOT);
        return before.matches(".*\\b(should|to|must|ought to|supposed to|want it to|expect it to)\\s*$");
    }

    private static Optional<String> actualBefore(String sentence, int end) {
        String before = sentence.substring(0, end);
        Matcher a = PHRASES.matcher(Phrase.ACTUAL_WORD, before);
        String found = null;
        while (a.find()) {
            Optional<String> v = valueAt(before, a.end());
            if (v.isPresent()) {
                found = v.get();
            }
        }
        return Optional.ofNullable(found);
    }

    private static final Pattern NOT_BEFORE = Pattern.compile("(?i)\\bnot\\s+$");

    /** A Python-ish value at {@code from}: a bracketed literal, a quoted string, a number, True/False/None or a word. */
    static Optional<String> valueAt(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '`' || text.charAt(i) == '*')) {
            i++;
        }
        if (i >= text.length()) {
            return Optional.empty();
        }
        Matcher noun = PHRASES.matcher(Phrase.VALUE_NOUN, text.substring(i));
        if (noun.lookingAt()) {     // "i want the position 1", "should be the number 6"
            i += noun.end();
        }
        Matcher article = PHRASES.matcher(Phrase.ARTICLE, text.substring(i));
        if (article.lookingAt()) {  // "i get a C, i should get an A"
            i += article.end();
        }
        String rest = text.substring(i);
        String lower = rest.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> phrase : VALUE_PHRASES.entrySet()) {
            if (lower.startsWith(phrase.getKey()) && (lower.length() == phrase.getKey().length()
                    || !Character.isLetterOrDigit(lower.charAt(phrase.getKey().length())))) {
                return Optional.of(phrase.getValue());
            }
        }
        if (lower.startsWith("nothing") && PRINT_VERB.matcher(text.substring(0, i)).find()) {
            return Optional.of("''");   // "it should print nothing": no output at all
        }
        Matcher spelled = NUMBER_WORD.matcher(rest);
        if (spelled.lookingAt()) {      // "should be ten but it's six"
            String word = spelled.group(1).toLowerCase(Locale.ROOT);
            int tens = TENS.indexOf(word);
            return Optional.of(String.valueOf(tens >= 0 ? 30 + 10 * tens : NUMBER_WORDS.indexOf(word)));
        }
        char c = rest.charAt(0);
        if (c == '[' || c == '(' || c == '{') {
            int close = balancedEnd(rest, 0);
            return close < 0 ? Optional.empty() : Optional.of(rest.substring(0, close + 1));
        }
        if (c == '\'' || c == '"') {
            int close = rest.indexOf(c, 1);
            return close < 0 ? Optional.empty() : Optional.of(rest.substring(0, close + 1));
        }
        Matcher number = NUMBER.matcher(rest);
        if (number.lookingAt()) {
            return Optional.of(number.group());
        }
        Matcher word = HYPHENATED_WORD.matcher(rest);
        boolean capitalLetter = word.lookingAt() && word.group().matches("[A-HJ-Z]");
        // "it gives None, not even -1": "even" there is no word printed
        boolean notEven = word.lookingAt() && word.group().equalsIgnoreCase("even")
                && NOT_BEFORE.matcher(text.substring(0, i)).find();
        if (word.lookingAt() && !notEven
                && (capitalLetter || !NOT_A_VALUE.contains(word.group().toLowerCase(Locale.ROOT)))) {
            String w = word.group();
            if (rest.length() > w.length() && rest.charAt(w.length()) == '(') {
                int close = balancedEnd(rest, w.length());
                return close < 0 ? Optional.empty() : Optional.of(rest.substring(0, close + 1));
            }
            // "it says Change: 8.75": a printed label with its number is what the program showed, not the label alone
            Matcher labelled = LABELLED_NUMBER.matcher(rest.substring(w.length()));
            if (labelled.lookingAt()) {
                return Optional.of(w + ": " + labelled.group(1));
            }
            return Optional.of(w);
        }
        return Optional.empty();
    }

    private static int rawLength(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '`')) {
            i++;
        }
        Matcher spelled = NUMBER_WORD.matcher(text).region(i, text.length());
        if (spelled.lookingAt()) {
            return spelled.end() - from + 1;
        }
        return valueAt(text, from).map(v -> v.length() + 1).orElse(0) + (i - from);
    }

    static int balancedEnd(String text, int open) {
        PythonBrackets brackets = new PythonBrackets();
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (brackets.next(c) && PythonBrackets.isClosing(c) && brackets.depth() == 0) {
                return i;
            }
        }
        return -1;
    }

    /** "fibonacci(5)" written in the sentence: a call of a function the code defines (or any, without code). */
    static Optional<String> explicitCall(String sentence, List<Function> functions, int before) {
        String nearest = null;
        String after = null;
        Matcher m = CALL_START.matcher(sentence);
        while (m.find()) {
            String name = m.group(1);
            String own = name.substring(name.lastIndexOf('.') + 1);    // "acc.withdraw(50)": a method of theirs
            boolean known = functions.stream().anyMatch(f -> f.name().equals(own));
            if (!known && (!functions.isEmpty() || Set.of("print", "input", "range", "len", "int", "str")
                    .contains(name))) {
                continue;
            }
            int close = balancedEnd(sentence, m.end() - 1);
            if (close > 0) {
                String call = sentence.substring(m.start(), close + 1).replace("`", "");
                if (close < before) {
                    nearest = call;
                } else if (after == null) {
                    after = call;
                }
                // same_total(make(1), make(2)): the calls inside are its arguments, not the call that was checked
                m.region(close + 1, sentence.length());
            }
        }
        return Optional.ofNullable(nearest != null ? nearest : after);
    }

    private static Function mentioned(String sentence, List<Function> functions) {
        for (Function f : functions) {
            if (Pattern.compile("\\b" + Pattern.quote(f.name()) + "\\b").matcher(sentence).find()) {
                return f;
            }
        }
        return functions.size() == 1 ? functions.get(0) : null;
    }

    /**
     * "my fibonacci returns 8 instead of 5 for n=5", "avg of 2 and 3 should be 2.5", "countdown 3 should give
     * [3, 2, 1, 0]", "for [3,1,2] I get 5": the function named (or the only one) with the values given for it.
     *
     * @param at where the expectation phrase starts: of several inputs named, the last one before it is meant
     */
    static Optional<String> builtCall(String sentence, List<Function> functions, int at) {
        Function function = mentioned(sentence, functions);
        if (function == null) {
            return Optional.empty();
        }
        // right after the function's name: "avg of 2 and 3", "longest word of [...]", "countdown 3"
        Matcher after = Pattern.compile("(?i)\\b" + Pattern.quote(function.name()) + "\\b(?:(?:\\s+[a-z]+){0,2}?\\s+"
                + "(?:of|for|with|on|from|given)|)\\s+(?=[\\[({'\"\\d-]|" + PHRASES.text(Phrase.EMPTY_VALUE) + ")")
                .matcher(sentence);
        if (after.find()) {
            ValueList list = valueList(sentence, after.end());
            if (!list.values().isEmpty()) {
                return callWith(function, list.values());
            }
        }
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        List<String> positional = List.of();
        Matcher spec = PHRASES.matcher(Phrase.INPUT_SPEC, sentence);
        while (spec.find()) {
            ValueList list = valueList(sentence, spec.end());
            if (list.values().isEmpty()) {
                continue;
            }
            String value = list.values().get(0);
            String name = spec.group("name");
            if (name != null && function.params().contains(name)) {
                byName.put(name, value);
            } else if (name == null && (positional.isEmpty() || spec.start() < at)) {
                positional = list.values();    // the input nearest before the expectation
            }
            // further "and m = 3" after the first
            String rest = sentence.substring(spec.end() + value.length());
            Matcher more = Pattern.compile("^\\s*(?:,|and)\\s*([A-Za-z_]\\w*)\\s*(?:=|is)\\s*").matcher(rest);
            if (more.find() && function.params().contains(more.group(1))) {
                valueAt(rest, more.end()).ifPresent(v -> byName.put(more.group(1), v));
            }
        }
        if (byName.isEmpty()) {
            return callWith(function, positional);
        }
        List<String> args = new ArrayList<>();
        for (String param : function.params()) {
            if (byName.containsKey(param)) {
                args.add(byName.get(param));
            } else {
                break;
            }
        }
        if (args.size() != byName.size()) {   // not a prefix of the parameters: name them
            args.clear();
            byName.forEach((k, v) -> args.add(k + "=" + v));
        }
        return Optional.of(function.name() + "(" + String.join(", ", args) + ")");
    }

    /**
     * The call the values make with the function's parameters: one each; several values for a single parameter
     * are its list ("average of 1, 2 and 4" is {@code average([1, 2, 4])}).
     */
    static Optional<String> callWith(Function function, List<String> values) {
        if (function == null || values.isEmpty()) {
            return Optional.empty();
        }
        int params = function.params().size();
        String args;
        if (params == 1 && values.size() > 1) {
            args = "[" + String.join(", ", values) + "]";
        } else {
            args = String.join(", ", values.subList(0, Math.min(values.size(), Math.max(1, params))));
        }
        return Optional.of(function.name() + "(" + args + ")");
    }

    /** Values one after another: "3 and 5", "3, 5", "abc and then abcdef", "7 then 2", "10 20 30". */
    record ValueList(List<String> values, int end) {
    }

    static ValueList valueList(String text, int from) {
        return valueList(text, from, false);
    }

    /** @param words whether words after one another are typed values too ("al bob christine" for a split line) */
    static ValueList valueList(String text, int from, boolean words) {
        List<String> values = new ArrayList<>();
        int at = from;
        int afterValue = from;     // a separator with no value after it ("then the right one 5") is not taken
        while (true) {
            Optional<String> value = valueAt(text, at);
            if (value.isEmpty()) {
                at = values.isEmpty() ? at : afterValue;
                break;
            }
            int end = valueEnd(text, at, value.get());
            if (end < 0) {
                break;
            }
            values.add(value.get());
            at = end;
            afterValue = end;
            Matcher sep = PHRASES.matcher(Phrase.STDIN_SEPARATOR, text.substring(at));
            if (sep.find()) {
                at += sep.end();
            } else if (at < text.length() && Character.isWhitespace(text.charAt(at))
                    && (NUMBER_OR_LITERAL.matcher(text.substring(at)).lookingAt()
                    || words && valueAt(text, at).filter(v -> !v.equalsIgnoreCase("and")).isPresent())) {
                at++;    // "10 20 30": numbers (or quoted values) after one another
            } else {
                break;
            }
        }
        return new ValueList(values, at);
    }

    /** Where the value found at {@code from} ends in the text ("an empty list" stands for {@code []}). */
    private static int valueEnd(String text, int from, String value) {
        int found = text.indexOf(value, from);
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> phrase : VALUE_PHRASES.entrySet()) {
            int at = lower.indexOf(phrase.getKey(), from);
            if (phrase.getValue().equals(value) && at >= 0 && (found < 0 || at < found)) {
                return at + phrase.getKey().length();
            }
        }
        return found < 0 ? -1 : found + value.length();
    }

    private static final Pattern NUMBER_OR_LITERAL = Pattern.compile("\\s*(?:-?\\d|[\\['\"{])");

    private static final Pattern MEANT_TO_TYPE = Pattern.compile("(?i)\\b(?:(?:was|were|am|i'?m)\\s+going\\s+to|"
            + "(?:wanted|meant|planned|tried)\\s+to|would\\s+(?:have\\s+)?|wanna|want\\s+to)\\s+"
            + "(?:type[sd]?|enter(?:ed)?|put(?:\\s+in)?|give|input)\\b\\s*(?:in\\s+)?");

    private static final Pattern ENTER_BETWEEN = Pattern.compile("(?i)[^.?!\\n\\d]{0,12}?\\bthen\\s+(?:i\\s+)?(?:hit|"
            + "pressed|press|typed|entered)\\s+(?:enter|return|an?\\s+(?:empty|blank)\\s+line|nothing)\\b"
            + "(?:\\s+(?:on|for)\\s+an?\\s+(?:empty|blank)\\s+line)?(?:\\s+by\\s+(?:accident|mistake))?");

    /** What is typed, from the sentence: "when I enter 4", "if I type 3 and 5", "for 8" (a program that reads input). */
    public static Optional<String> stdinIn(String sentence, String code) {
        Optional<String> transcript = promptedInput(sentence, code);
        if (transcript.isPresent()) {
            return transcript;
        }
        // "just press enter": nothing typed — unless the Enter came between values typed ("4, 6, then hit enter …")
        Matcher between = ENTER_BETWEEN.matcher(sentence);
        boolean enterBetween = between.find() && sentence.substring(0, between.start()).matches("(?s).*\\d.*");
        if (!enterBetween && PHRASES.find(Phrase.NOTHING_TYPED, sentence)) {
            return Optional.of("\n");
        }
        Matcher m = PHRASES.matcher(Phrase.STDIN_SPEC, sentence);
        boolean words = oneLineSplit(code).isPresent();
        while (m.find()) {
            ValueList list = valueList(sentence, m.end(), words);
            if (!list.values().isEmpty()) {
                List<String> values = new ArrayList<>(list.values());
                // "Enter 2 for how many, then grades 80 and 90": more typed after "then"
                Matcher then = PHRASES.matcher(Phrase.THEN_MORE, sentence.substring(list.end()));
                while (true) {
                    // "4, 6, then hit enter on an empty line by accident, then 8": an empty line typed between
                    Matcher blank = ENTER_BETWEEN.matcher(sentence.substring(list.end()));
                    if (blank.lookingAt()) {
                        values.add("");
                        list = new ValueList(List.of(""), list.end() + blank.end());
                        then = PHRASES.matcher(Phrase.THEN_MORE, sentence.substring(list.end()));
                        continue;
                    }
                    if (!then.lookingAt()) {
                        break;
                    }
                    int from = list.end() + then.end();
                    list = valueList(sentence, from, words);
                    if (list.values().isEmpty()) {
                        break;
                    }
                    values.addAll(list.values());
                    then = PHRASES.matcher(Phrase.THEN_MORE, sentence.substring(list.end()));
                }
                // "i was going to type 95 and 71": what the program never asked for is typed after, for the run
                Matcher meant = MEANT_TO_TYPE.matcher(sentence);
                if (meant.find(list.end())) {
                    values.addAll(valueList(sentence, meant.end(), words).values());
                } else if (!words) {
                    values.addAll(moreTyped(sentence.substring(list.end()), inputCalls(code) - values.size()));
                }
                return Optional.of(typed(withoutNamesOfInputs(values, code), code));
            }
        }
        Matcher line = TYPED_LINE.matcher(sentence);
        if (line.find() && code.split("input\\(", -1).length == 2) {     // "I type: i love python", one line read
            return Optional.of(unquote(line.group(1).strip()) + "\n");
        }
        if (code.contains("input(")) {     // "for 8 it should print 3": the input of a program that reads one
            Matcher spec = PHRASES.matcher(Phrase.INPUT_SPEC, sentence);
            while (spec.find()) {
                List<String> values = valueList(sentence, spec.end()).values();
                String name = spec.group("name");
                if (!values.isEmpty() && (name == null
                        || Pattern.compile("\\b" + Pattern.quote(name) + "\\s*=").matcher(code).find())) {
                    return Optional.of(typed(values, code));
                }
            }
            // "for age 12", "for the word 'bus'": a name the program uses, then the value typed for it
            Matcher named = PHRASES.matcher(Phrase.NAMED_INPUT, sentence);
            while (named.find()) {
                if (Pattern.compile("\\b" + Pattern.quote(named.group(1)) + "\\b").matcher(code).find()) {
                    List<String> values = valueList(sentence, named.end()).values();
                    if (!values.isEmpty()) {
                        return Optional.of(typed(values, code));
                    }
                }
            }
        }
        return Optional.empty();
    }


    /** "I type: i love python": after a colon, the rest of the line is what was typed. */
    private static final Pattern TYPED_LINE = Pattern.compile("(?im)\\b(?:i\\s+)?(?:type|typed|enter|entered|input|"
            + "inputted|put in|gave it)\\s*:[ \\t]*(\\S[^\\n]*)");
    private static final Pattern INPUT_PROMPT = Pattern.compile("\\binput\\(\\s*(['\"])(.+?)\\1\\s*\\)");

    /**
     * A run pasted from the console ("Enter a number: 5" / "The factorial is 24"): where a line of the text holds a
     * prompt the program passes to {@code input()}, what follows it on that line is what was typed there, in the
     * order of the lines (a prompt asked in a loop comes back).
     */
    static Optional<String> promptedInput(String text, String code) {
        List<String> prompts = new ArrayList<>();
        INPUT_PROMPT.matcher(code).results().map(r -> r.group(2).strip()).filter(p -> !p.isEmpty())
                .forEach(prompts::add);
        StringBuilder typed = new StringBuilder();
        boolean words = oneLineSplit(code).isPresent();
        int from = 0;
        while (true) {     // the words may have been put on one line: the values after each prompt only
            int at = -1;
            String asked = null;
            for (String prompt : prompts) {
                int i = promptAt(text, prompt, from);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                    asked = prompt;
                }
            }
            if (asked == null) {
                break;
            }
            int eol = text.indexOf('\n', at);
            String line = eol < 0 ? text : text.substring(0, eol);
            String rest = line.substring(at + asked.length());
            ValueList values = REMARK.matcher(rest).lookingAt() ? new ValueList(List.of(), line.length())
                    : valueList(line, at + asked.length(), words);
            boolean opensLine = text.substring(text.lastIndexOf('\n', at) + 1, at).isBlank();
            if (opensLine && !rest.isBlank() && !REMARK.matcher(rest).lookingAt()
                    && !WORDS_ABOUT_THE_RUN.matcher(rest).find()) {
                // a console run's line ("Type a sentence: i like big dogs", "> add essay"): all after the prompt was
                // typed, as it stands (unless words about the run follow on it: "30 -> prints warm")
                typed.append(rest.strip()).append('\n');
                values = new ValueList(List.of(rest.strip()), line.length());
            } else if (!values.values().isEmpty()) {
                typed.append(typed(values.values(), code));
            } else if (typedNothing(rest, eol < 0 ? "" : text.substring(eol + 1))) {
                typed.append('\n');
            }
            from = Math.max(values.end(), at + asked.length());
        }
        return typed.isEmpty() ? Optional.empty() : Optional.of(typed.toString());
    }

    /** Words on a console line that talk about the run, not what was typed: "30 -> prints warm, expected hot". */
    private static final Pattern WORDS_ABOUT_THE_RUN = Pattern.compile("(?i)->|=>|[.!?;](?:\\s|$)|\\b(?:should|"
            + "expected|instead|but|it|says?|said|printed|gives?|gave|returns?|returned|outputs?)\\b");

    /** "(i just pressed enter)", "(nothing)": a remark in words where the input would be, not a value typed. */
    private static final Pattern REMARK = Pattern.compile("\\s*[(\\[<](?![\\d'\"\\[(-])[^)\\]>\\n]*[)\\]>]");
    /** The run stopped at this input: a traceback or an error message follows the prompt's line. */
    private static final Pattern CRASH_LINE = Pattern.compile("\\s*(?:Traceback\\b|[A-Z]\\w*(?:Error|Exception)\\b)");

    /**
     * Nothing typed at a prompt: it says so in words ("(just pressed enter)"), or the prompt ends its line and the
     * run's next line is the crash (what input() echoes would otherwise stand after the prompt).
     */
    private static boolean typedNothing(String rest, String below) {
        if (REMARK.matcher(rest).lookingAt()) {
            return PHRASES.find(Phrase.NOTHING_TYPED, rest)
                    || rest.matches("(?i)\\W*(?:just\\s+)?(?:nothing|empty|blank|enter|return)\\W*");
        }
        return rest.isBlank() && CRASH_LINE.matcher(below).lookingAt();
    }

    /**
     * Where a prompt stands in the text from {@code from}: anywhere when it says something ("Enter a number:"), at the
     * start of a line only when it is as short as "a:" or "> " (else it would be found inside any word).
     */
    private static int promptAt(String text, String prompt, int from) {
        if (prompt.length() >= 3) {
            return text.indexOf(prompt, from);
        }
        Matcher m = Pattern.compile("(?m)^[ \\t]*(" + Pattern.quote(prompt) + ")").matcher(text);
        return m.find(from) ? m.start(1) : -1;
    }

    private static final Pattern INPUT_CALL = Pattern.compile("\\binput\\(");
    /** Where what was typed stops and what the program did begins ("… and it says", "but", a full stop). */
    private static final Pattern TYPED_CLAUSE_END = Pattern.compile("(?i)[.!?;]|->|=>|\\b(?:should|expected|instead|"
            + "wanted|want)\\b|\\b(?:and\\s+)?(?:it|then it|but|so|"
            + "says?|said|prints?|printed|gives?|gave|shows?|showed|outputs?|returns?)\\b");
    /** A number typed, or the one word right after "and" ("banana and a"). */
    private static final Pattern MORE_TYPED = Pattern.compile("(?i)(?<![\\w.])(-?\\d+(?:\\.\\d+)?)(?![\\w.])"
            + "|\\band\\s+(['\"]?)([a-z]\\w*)\\2(?=\\s*$)");

    /** How many answers the program asks for: one per input() call, any number when one is asked in a loop. */
    private static int inputCalls(String code) {
        return askedInALoop(code) ? Integer.MAX_VALUE : (int) INPUT_CALL.matcher(code).results().count();
    }

    private static final Pattern LOOP_HEADER = Pattern.compile("^\\s*(?:for|while)\\b.*:\\s*(?:#.*)?$");

    /** Whether an input() call sits in the body of a for or while loop ("Score: " read n times). */
    static boolean askedInALoop(String code) {
        java.util.Deque<Integer> loops = new java.util.ArrayDeque<>();     // indentation of the open loop headers
        for (String line : code.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int indent = CodeFacts.indentOf(line);
            while (!loops.isEmpty() && indent <= loops.peek()) {
                loops.pop();
            }
            if (!loops.isEmpty() && INPUT_CALL.matcher(line).find()) {
                return true;
            }
            if (LOOP_HEADER.matcher(line).matches()) {
                loops.push(indent);
            }
        }
        return false;
    }

    /**
     * A program that asks more than once, and the student named what they typed for each in one clause ("i put 100 for
     * the bill and 3 people", "i type banana and a"): the further values, at most {@code missing} of them.
     */
    private static List<String> moreTyped(String rest, int missing) {
        if (missing <= 0) {
            return List.of();
        }
        Matcher end = TYPED_CLAUSE_END.matcher(rest);
        String clause = end.find() ? rest.substring(0, end.start()) : rest;
        List<String> more = new ArrayList<>();
        Matcher m = MORE_TYPED.matcher(clause);
        while (m.find() && more.size() < missing) {
            more.add(m.group(1) != null ? m.group(1) : m.group(3));
        }
        return more;
    }

    /**
     * "typed PG-13 and age 13": a word that is a name the program assigns, right before a value, names what that value
     * was typed for; it was not typed itself.
     */
    private static List<String> withoutNamesOfInputs(List<String> values, String code) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            boolean nameOfNext = i + 1 < values.size() && v.matches("[a-z_]\\w*")
                    && NUMBER_OR_LITERAL.matcher(values.get(i + 1)).lookingAt()
                    && Pattern.compile("(?m)^\\s*" + Pattern.quote(v) + "\\s*=[^=]").matcher(code).find();
            if (!nameOfNext) {
                kept.add(v);
            }
        }
        return kept;
    }

    /** Values typed: one per line, or one line when the program reads a single line and splits it itself. */
    private static String typed(List<String> values, String code) {
        List<String> plain = values.stream().map(ExpectationParser::unquote).toList();
        return oneLineSplit(code).map(sep -> String.join(sep, plain)).orElse(String.join("\n", plain)) + "\n";
    }

    private static final Pattern SPLIT_ARG = Pattern.compile("\\.split\\(\\s*(?:(['\"])(.*?)\\1)?\\s*\\)");

    /** The separator a program splits its one line of input on (" " for {@code split()}); empty otherwise. */
    static Optional<String> oneLineSplit(String code) {
        int first = code.indexOf("input(");
        if (first < 0 || code.indexOf("input(", first + 1) >= 0) {
            return Optional.empty();
        }
        String before = code.substring(0, first);
        boolean inLoop = before.lines().anyMatch(l -> l.stripLeading().matches("(?:for|while)\\b.*"));
        Matcher split = SPLIT_ARG.matcher(code);
        if (inLoop || !split.find()) {
            return Optional.empty();
        }
        String sep = split.group(2);
        return Optional.of(sep == null || sep.isBlank() ? " " : sep.strip().isEmpty() ? sep : sep + " ");
    }

    private static String stdinOf(String text, String code) {
        String cleaned = unquote(text.strip());
        Optional<String> oneLine = oneLineSplit(code);
        if (cleaned.contains("\n") || oneLine.isPresent() && !cleaned.matches(".*\\b(?:and|then)\\b.*")) {
            // typed as lines, or one line the program splits itself ("Input: a abc ab" for input().split())
            return String.join("\n", cleaned.lines().map(String::strip).toList()) + "\n";
        }
        List<String> values = java.util.Arrays.stream(cleaned.split("\\s*(?:,|\\band then\\b|\\band\\b|\\bthen\\b"
                + "|\\\\n)\\s*|\\s+")).filter(v -> !v.isBlank()).map(ExpectationParser::unquote).toList();
        return oneLine.map(sep -> String.join(sep, values)).orElse(String.join("\n", values)) + "\n";
    }

    private static String unquote(String value) {
        String v = value.strip().replaceAll("^`+|`+$", "");
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        // "the right pin (4321)": the brackets set the value apart, they were not typed
        if (v.matches("\\([^()\\s,]+\\)")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /**
     * "for 9 it gives None" of {@code find(sorted_list, target, ...)}: a call read with fewer arguments than the
     * function takes is the program's own call that passes those values (here {@code find(nums, 9)}).
     */
    private static TestCase completed(TestCase c, List<Function> functions, String source) {
        if (c.call() == null || TestCase.hasSetup(c.call())) {
            return c;
        }
        Matcher m = CALL_START.matcher(c.call());
        if (!m.lookingAt() || balancedEnd(c.call(), m.end() - 1) != c.call().length() - 1) {
            return c;
        }
        String name = m.group(1);
        List<String> given = topLevelArguments(c.call().substring(m.end(), c.call().length() - 1));
        Optional<Function> f = functions.stream().filter(fn -> fn.name().equals(name)).findFirst();
        if (f.isEmpty() || given.isEmpty() || given.size() >= f.get().params().size()) {
            return c;
        }
        List<String> fuller = callsIn(source, name).stream().map(call -> call.substring(call.indexOf('(') + 1,
                call.length() - 1)).map(ExpectationParser::topLevelArguments)
                .filter(args -> args.size() > given.size() && args.containsAll(given)).map(args -> name + "("
                        + String.join(", ", args) + ")").distinct().toList();
        return fuller.size() != 1 ? c : c.withCall(fuller.get(0));
    }

    /**
     * Typed input that holds the program's own prompts ("> add essay > add laundry > show done ...") was read from a
     * console run as if it were one line: what was typed is read again from the run, prompt by prompt.
     */
    private static TestCase transcribed(TestCase c, String question, String error, String source) {
        String raw = "question".equals(c.source()) ? question : "error".equals(c.source()) ? error : null;
        if (c.stdin() == null || raw == null) {
            return c;
        }
        boolean holdsPrompt = INPUT_PROMPT.matcher(source).results().map(r -> r.group(2).strip())
                .anyMatch(p -> !p.isEmpty() && c.stdin().contains(p + " "));
        if (!holdsPrompt) {
            return c;
        }
        return promptedInput(normalized(raw), source).filter(typed -> !typed.isBlank()).map(c::withStdin).orElse(c);
    }

    private static final Pattern NEVER_ENDS = Pattern.compile("(?i)^\\W{0,3}(?:just\\s+|still\\s+)?(?:never\\s+"
            + "(?:finishes|ends|stops|returns|completes)|hangs|freezes|runs\\s+forever|loops\\s+forever|keeps\\s+"
            + "(?:running|going|looping)|(?:does\\s*n[o']?t|won'?t|will\\s+not)\\s+(?:stop|end|finish|return))\\b");

    /** The student's own calls said to run without end ("f(3) never finishes", "f(x) hangs"). */
    private static List<String> neverEnds(String prose, List<Function> functions) {
        List<String> calls = new ArrayList<>();
        if (prose == null) {
            return calls;
        }
        Matcher m = CALL_START.matcher(prose);
        while (m.find()) {
            String name = m.group(1);
            int close = balancedEnd(prose, m.end() - 1);
            if (close > 0 && functions.stream().anyMatch(f -> f.name().equals(name))
                    && NEVER_ENDS.matcher(prose.substring(close + 1)).lookingAt()) {
                calls.add(prose.substring(m.start(), close + 1));
            }
        }
        return calls;
    }

    private static List<String> topLevelArguments(String inside) {
        List<String> args = new ArrayList<>(outsideBrackets(inside, ',').stream().map(String::strip).toList());
        if (!args.isEmpty() && args.get(args.size() - 1).isEmpty()) {
            args.remove(args.size() - 1);
        }
        return args;
    }

    /** The text cut at each {@code separator} that stands outside string literals and brackets (pieces as written). */
    static List<String> outsideBrackets(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        dev.learnflow.platform.guard.PythonBrackets brackets = new dev.learnflow.platform.guard.PythonBrackets();
        StringBuilder piece = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (brackets.next(ch) && ch == separator && brackets.depth() == 0) {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(ch);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    /**
     * Module-level calls of {@code name} in the code, in the script's order: the inputs the student has been trying.
     * A call written twice stays twice: the second one can give another value (a shared default list), and it may
     * be the one the student is asking about ("the third print gives 2").
     */
    static List<String> callsIn(String code, String name) {
        List<String> calls = new ArrayList<>();
        Pattern start = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(");
        for (String line : code.split("\n")) {
            if (line.startsWith(" ") || line.startsWith("\t") || line.stripLeading().startsWith("def ")) {
                continue;
            }
            Matcher m = start.matcher(line);
            while (m.find()) {
                int close = balancedEnd(line, m.end() - 1);
                if (close > 0) {
                    calls.add(line.substring(m.start(), close + 1));
                }
            }
        }
        return List.copyOf(calls).subList(0, Math.min(calls.size(), 8));
    }

    // ------------------------------------------------------------------------------------------ in the code

    /** A test line quoted in a message: pytest's {@code >   assert f(1) == 2}, unittest's {@code assertEqual(...)}. */
    private static final Pattern QUOTED_TEST = Pattern.compile("^[\\s>E+|]*(?:assert\\s+(?<body>.+)"
            + "|(?:self\\.)?assert(?<method>Equals?|True|False|IsNone|Is)\\s*\\((?<args>.+)\\)\\s*$)");

    static List<TestCase> quotedTests(String text, String source, List<Function> functions, Set<String> names) {
        List<TestCase> cases = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = QUOTED_TEST.matcher(line);
            if (m.find()) {
                // self.t.needs_heat(20) needs its setUp: the test in the code gives it (see asserts)
                testLineCase(m, functions, names).filter(c -> !c.call().contains("self."))
                        .ifPresent(c -> cases.add(TestCase.call(c.call(), c.expected(), null, source)));
            }
        }
        return cases;
    }

    /** An assert or unittest line: the value compared and what it should be. */
    private static Optional<TestCase> testLineCase(Matcher m, List<Function> functions, Set<String> names) {
        if (m.group("body") != null) {
            return assertCase(stripMessage(m.group("body").strip()), functions, names);
        }
        String args = m.group("args");
        int comma = topLevelIndexOf(args, ",");
        String first = (comma > 0 ? args.substring(0, comma) : args).strip();
        String second = comma > 0 ? stripMessage(args.substring(comma + 1).strip()) : "";
        return switch (m.group("method")) {
            case "True" -> assertCase(first, functions, names);
            case "False" -> assertCase("not " + first, functions, names);
            case "IsNone" -> assertCase(first + " is None", functions, names);
            default -> assertCase(first + " == " + second, functions, names);
        };
    }

    private static final Pattern SELF = Pattern.compile("\\bself\\.");
    private static final Pattern TEST_LINE = Pattern.compile("^\\s*(?:assert\\s+(?<body>.+)"
            + "|(?:self\\.)?assert(?<method>Equals?|True|False|IsNone|Is)\\s*\\((?<args>.+)\\)\\s*$)");
    private static final Pattern BLOCK_OR_TEST = Pattern.compile(
            "^(?:if|elif|else|for|while|with|try|except|finally|def|class|return|assert|raise|import|from|print|@"
            + "|self\\.assert|unittest\\.|pytest\\.)\\b.*|.*:$");
    private static final Pattern ASSIGNED = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?:\\[[^\\]]*])?\\s*=(?!=)");

    /**
     * {@code assert} lines and unittest {@code self.assert...} lines of the code. One inside a test function runs
     * after the statements before it in that function (and its class's {@code setUp}, with {@code self.} dropped:
     * {@code self.t = Thermostat(20)} sets {@code t}), so it may compare a name they set ({@code assert t2 == [..]}).
     */
    static List<TestCase> asserts(String code, List<Function> functions) {
        List<TestCase> cases = new ArrayList<>();
        String[] lines = code.split("\n");
        Set<String> own = new java.util.HashSet<>();
        functions.forEach(f -> own.add(f.name()));
        for (int i = 0; i < lines.length; i++) {
            if (!TEST_LINE.matcher(lines[i]).find()) {
                continue;
            }
            List<String> setup = testSetup(lines, i);
            Set<String> names = new java.util.HashSet<>();
            boolean calls = false;
            for (String statement : setup) {
                Matcher a = ASSIGNED.matcher(statement);
                if (a.find()) {
                    names.add(a.group(1));
                }
                calls |= CALL_START.matcher(statement).results()
                        .anyMatch(c -> own.contains(c.group(1).substring(c.group(1).lastIndexOf('.') + 1)));
            }
            Matcher unselfed = TEST_LINE.matcher(SELF.matcher(lines[i]).replaceAll(""));
            if (!unselfed.find()) {
                continue;
            }
            Optional<TestCase> found = testLineCase(unselfed, functions, names);
            if (found.isPresent()) {
                TestCase c = found.get();
                boolean linked = names.stream().anyMatch(n -> Pattern.compile("(?<![\\w.])" + Pattern.quote(n)
                        + "\\b").matcher(c.call()).find());
                String call = linked || calls ? TestCase.withSetup(setup, c.call()) : c.call();
                cases.add(TestCase.call(call, c.expected(), null, "assert"));
            }
        }
        return cases;
    }

    /** The simple statements before line {@code at} in its test function, after its class's setUp's; self. dropped. */
    private static List<String> testSetup(String[] lines, int at) {
        int def = enclosing(lines, at);
        List<String> setup = new ArrayList<>();
        if (def < 0 && CodeFacts.indentOf(lines[at]) == 0) {
            // a script's own assert ("assert jar.cents == 85" after "jar = CoinJar()" and "jar.add(25, 3)"): the
            // plain statements of the script before it set up what it compares
            // (a statement over several lines, "gradebook = {" ... "}", is left to the program's own run)
            simpleStatements(lines, 0, -1, at).stream().filter(ExpectationParser::wholeLine).forEach(setup::add);
            return setup.size() > 12 ? List.of() : setup;
        }
        if (def < 0 || !lines[def].strip().startsWith("def ")) {
            return List.of();
        }
        int cls = enclosing(lines, def);
        if (cls >= 0 && lines[cls].strip().startsWith("class ")) {     // a test method: its class's setUp first
            for (int k = cls + 1; k < lines.length && (lines[k].isBlank() || CodeFacts.indentOf(lines[k]) > CodeFacts.indentOf(lines[cls]));
                 k++) {
                if (lines[k].strip().startsWith("def setUp(")) {
                    setup.addAll(simpleStatements(lines, k + 1, CodeFacts.indentOf(lines[k]), lines.length));
                }
            }
        }
        setup.addAll(simpleStatements(lines, def + 1, CodeFacts.indentOf(lines[def]), at));
        return setup.size() > 12 ? List.of() : setup;
    }

    /** A line that is a statement of its own: every bracket it opens closes on it, and it closes none opened before. */
    private static boolean wholeLine(String line) {
        PythonBrackets brackets = new PythonBrackets();
        for (char c : line.toCharArray()) {
            int before = brackets.depth();
            if (brackets.next(c) && PythonBrackets.isClosing(c) && before == 0) {
                return false;
            }
        }
        return brackets.depth() == 0;
    }

    /** The line of the block that holds line {@code at} (the nearest one above it indented less), or -1. */
    private static int enclosing(String[] lines, int at) {
        int indent = CodeFacts.indentOf(lines[at]);
        for (int i = at - 1; i >= 0 && indent > 0; i--) {
            if (!lines[i].isBlank() && CodeFacts.indentOf(lines[i]) < indent) {
                return i;
            }
        }
        return -1;
    }

    /** The lines of a block one level in (from {@code from} until it ends or {@code until}) that are plain statements. */
    private static List<String> simpleStatements(String[] lines, int from, int outerIndent, int until) {
        List<String> statements = new ArrayList<>();
        int level = -1;
        for (int i = from; i < Math.min(until, lines.length); i++) {
            if (lines[i].isBlank() || lines[i].strip().startsWith("#")) {
                continue;
            }
            int indent = CodeFacts.indentOf(lines[i]);
            if (indent <= outerIndent) {
                break;
            }
            level = level < 0 ? indent : level;
            String statement = SELF.matcher(lines[i].strip()).replaceAll("");
            if (indent == level && !BLOCK_OR_TEST.matcher(statement).matches()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    private static Optional<TestCase> assertCase(String body, List<Function> functions) {
        return assertCase(body, functions, Set.of());
    }

    /** @param names names a test's setup sets: a value compared may be one of them ({@code assert t2 == ["bob"]}) */
    private static Optional<TestCase> assertCase(String body, List<Function> functions, Set<String> names) {
        int eq = topLevelIndexOf(body, "==");
        if (eq > 0) {
            String left = body.substring(0, eq).strip();
            String right = body.substring(eq + 2).strip();
            if (compared(left, functions, names)) {
                return Optional.of(TestCase.call(left, right, null, "assert"));
            }
            if (compared(right, functions, names)) {
                return Optional.of(TestCase.call(right, left, null, "assert"));
            }
            return Optional.empty();
        }
        Matcher is = Pattern.compile("^(.+?)\\s+is\\s+(True|False|None)$").matcher(body);
        if (is.matches() && compared(is.group(1).strip(), functions, names)) {
            return Optional.of(TestCase.call(is.group(1).strip(), is.group(2), null, "assert"));
        }
        if (body.startsWith("not ") && compared(body.substring(4).strip(), functions, names)) {
            return Optional.of(TestCase.call(body.substring(4).strip(), "False", null, "assert"));
        }
        if (compared(body, functions, names)) {
            return Optional.of(TestCase.call(body, "True", null, "assert"));
        }
        return Optional.empty();
    }

    /**
     * A call of the program's own, or an expression over a name the test's setup set, or one of those inside a
     * builtin that measures or orders it ({@code len(b.things)}, {@code sorted(f(x))}).
     */
    private static boolean compared(String expr, List<Function> functions, Set<String> names) {
        if (isCallOfOwn(expr, functions)) {
            return true;
        }
        Matcher name = Pattern.compile("^([A-Za-z_]\\w*)").matcher(expr);
        if (name.find() && names.contains(name.group(1)) && !expr.matches(".*\\w\\s+\\w.*")) {
            return true;
        }
        Matcher wrapped = MEASURED.matcher(expr);
        return wrapped.matches() && compared(wrapped.group(1).strip(), functions, names);
    }

    private static final Pattern MEASURED = Pattern.compile("^(?:len|sorted|list|set|tuple|sum|str|round|abs)\\((.+)\\)$");
    private static final Pattern MODULE_ASSIGNMENT = Pattern.compile("(?m)^([A-Za-z_]\\w*)\\s*=(?!=)");

    /** Names the program sets at module level ({@code b = Bag()}): a test line quoted in a message may use them. */
    static Set<String> moduleNames(String code) {
        Set<String> names = new java.util.HashSet<>();
        MODULE_ASSIGNMENT.matcher(code == null ? "" : code).results().forEach(r -> names.add(r.group(1)));
        return names;
    }

    private static boolean isCallOfOwn(String expr, List<Function> functions) {
        Matcher m = CALL_START.matcher(expr);
        // "acc.withdraw(30)": a method of theirs
        return m.lookingAt() && balancedEnd(expr, m.end() - 1) == expr.length() - 1
                && functions.stream().anyMatch(f -> f.name().equals(m.group(1).substring(m.group(1).lastIndexOf('.')
                + 1)));
    }

    /** "assert f(1) == 2, 'message'": the part before the message (a comma outside brackets and quotes). */
    private static String stripMessage(String body) {
        int comma = topLevelIndexOf(body, ",");
        String cut = comma > 0 ? body.substring(0, comma) : body;
        int hash = topLevelIndexOf(cut, "#");
        return (hash > 0 ? cut.substring(0, hash) : cut).strip();
    }

    private static int topLevelIndexOf(String text, String token) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
            } else if (depth == 0 && text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    static List<TestCase> doctests(String code) {
        List<TestCase> cases = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DOCTEST.matcher(lines[i]);
            if (!m.matches() || i + 1 >= lines.length) {
                continue;
            }
            String want = lines[i + 1].strip();
            if (want.isEmpty() || want.startsWith(">>>") || want.equals("\"\"\"") || want.equals("'''")) {
                continue;
            }
            want = want.replaceAll("(\"\"\"|''')$", "").strip();
            cases.add(TestCase.call(m.group("expr"), want, null, "doctest"));
        }
        return cases;
    }

    private static List<TestCase> dedupe(List<TestCase> cases) {
        List<TestCase> unique = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TestCase c : cases) {
            String key = c.call() + "|" + c.stdin() + "|" + c.expected() + "|" + c.candidates() + "|" + c.values();
            if (seen.add(key)) {
                unique.add(c);
            }
        }
        return unique;
    }
}
