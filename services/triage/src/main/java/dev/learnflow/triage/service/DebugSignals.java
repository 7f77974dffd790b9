package dev.learnflow.triage.service;

import dev.learnflow.platform.text.PatternBook;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signals in a message that the student's own program misbehaves, strong enough to decide the lane without the
 * sentence model: it names a Python error (or quotes an error message), states an expectation the program misses
 * ("returns 8 but should be 5", "gives X instead of Y"), or describes a symptom of a wrong program ("returns None",
 * "never stops", "prints the wrong average"). Questions about errors as a language feature ("how do I raise a
 * ValueError?") are not signals: they want an explanation.
 */
final class DebugSignals {

    /** Why a message counts as a debugging request, for the classification facts. */
    enum Kind { ERROR_NAMED, ERROR_MESSAGE, EXPECTATION, SYMPTOM }

    /** The phrases this class looks for, kept in {@code triage/phrases/debug-signals.regex}. */
    private enum Phrase { ERROR_NAME, ERROR_MESSAGE, EXPECTATION, SYMPTOM, OWN_PART, OUTCOME_AGAINST_INTENT,
        OWN_THING_BEHAVES, OWN_THING_FAILS, SOMETHING_SEEN, FAILS_WHEN, HOW_TO, MISBEHAVES, FAULT_IN_SHOWN_CODE,
        INPUT_AS_TEXT, FAILED_RUN, OWN_WORK, ABOUT_ERRORS_AS_A_FEATURE, BUILT_IN_RETURNS_NONE, OWN_PROGRAM,
        PRACTICE, WHAT_IS_AN_ERROR, DEFINITION, STATED_SUM, WORKS_AS_MEANT, HARD_FAILURE, IN_GENERAL, NOT_MY_BUG }

    private static final PatternBook<Phrase> PHRASES = PatternBook.load(
            "triage/phrases/debug-signals.regex", Phrase.class);

    private static final Pattern CAMEL_CASE_ERROR = Pattern.compile("\\b[A-Z][A-Za-z]*(?:Error|Exception)\\b");
    /** Python's built-in exceptions that a program of a student's can meet. */
    private static final Set<String> PYTHON_EXCEPTIONS = Set.of("ArithmeticError", "AssertionError", "AttributeError",
            "BaseException", "BlockingIOError", "BrokenPipeError", "BufferError", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "EOFError",
            "EnvironmentError", "Exception", "FileExistsError", "FileNotFoundError", "FloatingPointError",
            "ImportError", "IndentationError", "IndexError", "InterruptedError", "IOError", "IsADirectoryError",
            "KeyError", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError",
            "NotImplementedError", "OSError", "OverflowError", "PermissionError", "ProcessLookupError",
            "RecursionError", "ReferenceError", "RuntimeError", "SyntaxError", "SystemError", "TabError",
            "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
            "UnicodeError", "ValueError", "ZeroDivisionError", "JSONDecodeError", "CalledProcessError");

    private DebugSignals() {
    }

    /** Asks how to do something ("how do i make my program wait"), not how to fix it. */
    static boolean asksHowTo(String question) {
        return PHRASES.find(Phrase.HOW_TO, question);
    }

    static Optional<Kind> of(String question) {
        return of(question, false);
    }

    /** With a program shown, a question about what input() gives is about that program: the usual signals apply. */
    static Optional<Kind> of(String question, boolean programShown) {
        if (question == null || question.isBlank()) {
            return Optional.empty();
        }
        if (asksForPracticeOn(question) || !programShown && disclaimsABug(question)) {
            return Optional.empty();
        }
        boolean feature = PHRASES.find(Phrase.ABOUT_ERRORS_AS_A_FEATURE, question)
                || PHRASES.find(Phrase.WHAT_IS_AN_ERROR, question) || askedInGeneral(question);
        if (!feature && PHRASES.find(Phrase.ERROR_NAME, question)) {
            return Optional.of(Kind.ERROR_NAMED);
        }
        if (!feature && PHRASES.find(Phrase.ERROR_MESSAGE, question)) {
            return Optional.of(Kind.ERROR_MESSAGE);
        }
        if (!programShown && inputAsText(question)) {
            return Optional.empty();
        }
        if (saysItWorks(question)) {
            // "it works but feels long": what follows is about how it is written, not a fault
            return Optional.empty();
        }
        if (definitionAsked(question)) {
            // "what is an infinite loop": a definition asked, with nothing of the student's to be misbehaving.
            return Optional.empty();
        }
        if (wrongSum(question)) {
            return Optional.of(Kind.EXPECTATION);
        }
        if (PHRASES.find(Phrase.EXPECTATION, question)) {
            return Optional.of(Kind.EXPECTATION);
        }
        boolean builtIn = PHRASES.find(Phrase.BUILT_IN_RETURNS_NONE, question)
                && !PHRASES.matcher(Phrase.OWN_PROGRAM, question.replaceAll("(?i)\\bwhy does\\b", "")).find();
        if (!builtIn && PHRASES.find(Phrase.SYMPTOM, question)) {
            return Optional.of(Kind.SYMPTOM);
        }
        if (!PHRASES.find(Phrase.HOW_TO, question) && PHRASES.find(Phrase.OWN_THING_BEHAVES, question)
                && (PHRASES.find(Phrase.SOMETHING_SEEN, question) || PHRASES.find(Phrase.OWN_THING_FAILS, question))
                && !ReviewCues.asksForAnOpinion(question)) {
            // "my is_prime says 9 is prime", "my average function is giving 3 for [1,2,3,4] pls help", "my hangman
            // game doesnt show the letters": the student's own thing, what it does, and a value, a failure or a plea.
            return Optional.of(Kind.SYMPTOM);
        }
        if (PHRASES.find(Phrase.HOW_TO, question)) {
            // "how do i make my program wait", "how to handle an error so my program doesn't crash": asks how to do
            // something; only a named error, an expectation or a symptom (above) makes it a bug report.
            return Optional.empty();
        }
        if (PHRASES.find(Phrase.FAILS_WHEN, question)) {
            return Optional.of(Kind.SYMPTOM);
        }
        if (PHRASES.find(Phrase.OWN_PART, question) && (PHRASES.find(Phrase.MISBEHAVES, question)
                || PHRASES.find(Phrase.OUTCOME_AGAINST_INTENT, question))) {
            return Optional.of(Kind.SYMPTOM);
        }
        return Optional.empty();
    }

    /**
     * With a program shown, the program is the student's own: the words that tell a bug in prose ([misbehaves] in
     * the phrases, "it doesn't say hello", "what did i do wrong") need nothing else to be a bug report. Callers check
     * first that no opinion or explanation of the code is asked for ("it works but is it pythonic?").
     */
    static boolean misbehavesInShownProgram(String prose) {
        return prose != null && !asksForPracticeOn(prose) && !saysItWorks(prose)
                && (PHRASES.find(Phrase.MISBEHAVES, prose) || PHRASES.find(Phrase.FAULT_IN_SHOWN_CODE, prose));
    }

    /** Whether the message names a Python error or quotes one of its messages, whatever it asks about it. */
    static boolean namesAnError(String question) {
        return question != null && (PHRASES.find(Phrase.ERROR_NAME, question)
                || PHRASES.find(Phrase.ERROR_MESSAGE, question));
    }

    /**
     * An error asked about as a thing in general ("just curious, what does a KeyError mean in general?"), with
     * nothing of the student's own in the message.
     */
    static boolean askedInGeneral(String question) {
        return question != null && (disclaimsABug(question)
                || PHRASES.find(Phrase.IN_GENERAL, question) && !PHRASES.find(Phrase.OWN_WORK, question));
    }

    /** "nothing is broken, i just want to understand it": the student says in so many words that no bug is asked about. */
    static boolean disclaimsABug(String question) {
        return question != null && PHRASES.find(Phrase.NOT_MY_BUG, question);
    }

    /**
     * The message names errors in Java's or C#'s style ({@code NullPointerException}) and none of Python's: with
     * another language named, its program is not a Python one.
     */
    static boolean namesOnlyForeignErrors(String question) {
        Matcher named = CAMEL_CASE_ERROR.matcher(question);
        boolean any = false;
        while (named.find()) {
            if (PYTHON_EXCEPTIONS.contains(named.group())) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The student says the program does what it should ("it works but its really slow", "both give the same
     * result") and tells of no failure beside it: whatever else they ask is about how it is written.
     */
    static boolean saysItWorks(String message) {
        return message != null && PHRASES.find(Phrase.WORKS_AS_MEANT, message)
                && !PHRASES.find(Phrase.HARD_FAILURE, message);
    }

    /**
     * "give me an exercise on IndexError": practice asked for. A practice word alone is not enough ("the task is to
     * find the second largest ... it returns 5 and not 3" tells a bug in the student's task).
     */
    private static boolean asksForPracticeOn(String message) {
        return PHRASES.find(Phrase.PRACTICE, message) && ExerciseAndProgressCues.asksForPracticeInSoManyWords(message);
    }

    /**
     * The words of a misbehaving program ("opens and closes immediately", "keeps crashing", "gives it back
     * unchanged"), not asked as how to do something: when the sentence model is unsure, this is a bug report told
     * without code, which is answered (what such a symptom usually means) rather than asked back.
     */
    static boolean misbehaves(String question) {
        return question != null && !asksForPracticeOn(question) && !PHRASES.find(Phrase.HOW_TO, question)
                && !definitionAsked(question) && !saysItWorks(question) && PHRASES.find(Phrase.MISBEHAVES, question);
    }

    /**
     * A sum reported with a result that arithmetic does not give ("5 + 5 gives 55": text joined, not numbers added)
     * says the program computes something else than meant. A result off only by floating-point rounding ("0.1 + 0.2
     * gives 0.30000000000000004") is how floats work, a concept question.
     */
    static boolean wrongSum(String question) {
        Matcher m = PHRASES.matcher(Phrase.STATED_SUM, question);
        while (m.find()) {
            double a = Double.parseDouble(m.group(1));
            double b = Double.parseDouble(m.group(3));
            double expected = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "+" -> a + b;
                case "-" -> a - b;
                default -> a * b;
            };
            double stated = Double.parseDouble(m.group(4));
            if (Math.abs(stated - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
                return true;
            }
        }
        return false;
    }

    /** "what is an infinite loop", "what is None": a definition, with nothing of the student's in the message. */
    static boolean definitionAsked(String question) {
        return PHRASES.find(Phrase.DEFINITION, question) && !PHRASES.find(Phrase.OWN_WORK, question);
    }

    /** The student points at something of their own ("my", "this", "the code i wrote") or says it misbehaves. */
    static boolean mentionsOwnWork(String question) {
        return question != null && (PHRASES.find(Phrase.OWN_WORK, question) || !definitionAsked(question)
                && (PHRASES.find(Phrase.OWN_PART, question) || PHRASES.find(Phrase.MISBEHAVES, question)));
    }

    /**
     * A question about what {@code input()} gives (text, not a number) that names no failed run; callers check that
     * no program is shown.
     */
    static boolean inputAsText(String question) {
        return question != null && PHRASES.find(Phrase.INPUT_AS_TEXT, question)
                && !PHRASES.find(Phrase.FAILED_RUN, question);
    }
}
