package dev.learnflow.triage.service;

import java.util.Optional;
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

    private static final Pattern ERROR_NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(?:Error|Exception)\\b|\\bStopIteration\\b|\\bKeyboardInterrupt\\b"
                    + "|(?i:\\b(?:name|type|value|index|key|attribute|syntax|indentation|zero ?division|recursion|"
                    + "import|module ?not ?found|file ?not ?found|unbound ?local|assertion|eof|tab|runtime|overflow)"
                    + "[ _-]?error\\b|\\btrace ?back\\b)");
    /** Fragments of Python's own error messages, as students quote or paraphrase them. */
    private static final Pattern ERROR_MESSAGE = Pattern.compile("(?i)is not defined|out of range"
            + "|referenced before assignment|unsupported operand|can only concatenate|must be str,? not"
            + "|object is not (?:iterable|subscriptable|callable)|has no attribute|invalid literal"
            + "|division by zero|divided by zero|recursion depth|no module named|no such file"
            + "|unexpected indent|expected an indented block|unindent does not match|invalid syntax|unexpected eof"
            + "|was never closed|unterminated string|missing \\d+ required|takes \\d+ positional"
            + "|values to unpack|unhashable type|not supported between instances|changed size during iteration"
            + "|indices must be integers|expected ':'"
            // an error the student's program gave, told without its name
            + "|\\berror (?:on|in|at) line \\d+|\\bline \\d+ (?:gives|throws|has|shows) an? (?:error|exception)"
            + "|\\b(?:throws|threw|raises|raised|gives|gave|shows|showed) (?:me )?an? (?:error|exception)\\b");
    /** "f(3) returns 8 but should be 5", "gives [1,2,2] instead of [1,2]", "should print 4 but prints 3". */
    private static final Pattern EXPECTATION = Pattern.compile("(?i)\\b(?:returns?|returned|gives?|gave|prints?|"
            + "printed|outputs?|shows?|got|getting|comes out)\\b.{0,60}\\b(?:instead of|but (?:it )?"
            + "(?:should|must|expected|want|needs? to)|but i (?:expected|want(?:ed)?)|when (?:it )?should|rather than)"
            + "|\\b(?:should (?:be|return|print|give|output)|expected|expecting)\\b.{0,60}\\b(?:but|instead|however)"
            + "\\b.{0,40}\\b(?:get|got|getting|returns?|returned|gives?|gave|prints?|printed|shows?|is|it's)\\b"
            + "|\\b(?:double|twice|half|more than|less than|bigger than|smaller than|higher than|lower than) what (?:it|"
            + "they|the \\w+) (?:should|is supposed to) (?:be|give|print|return|output)");
    /** Symptoms of a program that runs but misbehaves. */
    private static final Pattern SYMPTOM = Pattern.compile("(?i)"
            + "\\b(?:returns?|returning|returned|prints?|printing|printed|gives?|gave|giving|get|got|getting|"
            + "shows?|outputs?|hands?|handing|spits?)\\s+(?:me\\s+|back\\s+|out\\s+)?(?:a\\s+|just\\s+|only\\s+)?none\\b"
            + "|\\bnever (?:stops|ends|finishes|terminates|exits|breaks|returns)|\\binfinite(?:ly)? loop|endless loop"
            + "|\\b(?:runs|goes|keeps going|keeps running|loops|spins) (?:on )?forever|(?:does ?n[o']?t|won'?t|"
            + "doesnt|wont|can'?t) (?:stop|end|terminate|exit)\\b|\\bhangs\\b|\\bfreezes\\b|stuck in (?:an? |the |my )?"
            + "(?:infinite )?loop"
            + "|\\bwrong (?:answer|output|result|value|number|average|total|sum|count|mean|max(?:imum)?|"
            + "min(?:imum)?|order)|\\b(?:answer|output|result|average|total|sum|count) (?:is|are|was|comes out) "
            + "(?:wrong|off|incorrect|always)|\\bincorrect (?:answer|output|result|value)"
            + "|\\balways (?:a )?(?:whole number|integer|int|zero|0|the same|true|false|prints|returns|gives|"
            + "rounds|empty)|\\b(?:prints?|shows?|returns?|gives?) (?:me )?the same (?:value|number|thing|result|"
            + "answer|line|word|output)|\\bsame (?:value|number|output|result) (?:every|each) time"
            + "|\\b(?:changes?|changed|changing|modified|updated?s?) (?:by itself|on its own|too|as well)|both "
            + "(?:lists?|variables|dicts?) (?:change|get changed|are changed)|changing one (?:\\w+ )?(?:also )?"
            + "changes the other"
            + "|\\b(?:skips?|skipping|misses?|missing) (?:every other|every second|half (?:of )?the|some (?:of the )?)\\s*"
            + "(?:items?|elements?|numbers?|values?|lines?|words?|letters?|ones?)"
            + "|\\b(?:skips?|misses?|missing|loses?|drops?) (?:the )?(?:first|last) (?:item|element|number|value|"
            + "line|one|character|letter)|\\b(?:last|first) (?:item|element|number|value|one) is (?:missing|"
            + "skipped|not (?:printed|counted|included))|\\bone (?:too many|too few|off)|\\boff[- ]by[- ]one"
            + "|\\b(?:prints?|outputs?|shows?|displays?) nothing|\\bno output|\\boutput is empty|\\bnothing "
            + "(?:happens|is printed|prints|shows up)"
            + "|\\b(?:if|condition|else|elif)(?: statement| branch| block)? (?:never|always) (?:runs|executes|"
            + "works|happens|true|false|triggers)|\\bloop (?:only )?runs (?:only )?once|\\bonly (?:runs|loops|"
            + "checks|returns) (?:the first|once)|\\bjoins? the numbers|\\bconcatenat\\w* instead of add"
            + "|\\b(?:won'?t|wont|doesn'?t|doesnt|does not|didn'?t|can'?t) (?:it|this|that) (?:work|run|compile|stop|"
            + "print|finish)\\b|\\b(?:it|this|that) (?:won'?t|wont|doesn'?t|doesnt|does not|didn'?t|isn'?t|is not) "
            + "(?:work|run|working|running|compile|stop|print)\\b"
            + "|\\b(?:my|the|this) (?:code|program|function|script|loop|method) (?:does ?n[o']?t|isn'?t|is not|"
            + "won'?t) (?:work|working|give|return|print|do what)");
    /**
     * Something of the student's own ("my counter", "the game i wrote", "program" opening the message) —
     * with {@link #MISBEHAVES} in the same message, a bug report told in prose, without a traceback.
     */
    private static final Pattern OWN_PART = Pattern.compile("(?i)\\b(?:my|our)\\s+\\w+"
            + "|\\b\\w+\\s+(?:that\\s+)?i\\s+(?:wrote|made|coded|built|programmed|did)\\b"
            + "|^\\s*(?:the\\s+)?(?:code|program|script|loop|function)\\b");
    /** How students say that the program misbehaves, in their own words. */
    private static final Pattern MISBEHAVES = Pattern.compile("(?i)\\b(?:keeps?|kept)\\s+(?:on\\s+)?(?:failing|"
            + "crashing|breaking|printing|returning|giving|saying|looping|going|repeating|asking|adding|resetting)\\b"
            + "|\\b(?:stays?|stayed|stuck at|remains?)\\s+(?:at\\s+)?(?:0|zero|empty|the same|none|false|true)\\b"
            + "|\\bno matter what\\b|\\b(?:won'?t|wont|doesn'?t|doesnt|does not|didn'?t|did not|isn'?t|is not)\\s+"
            + "(?:work|working|run|stop|end|finish|add|count|print|change|update|return|reset|break|loop|sort|find|"
            + "match|save|compile)\\b|\\bnever (?:finishes|ends|stops|returns|prints|changes|updates|works|matches)\\b"
            + "|\\b(?:fails?|failing|crash(?:es|ed|ing)?|breaks|broke|broken|freezes|hangs)\\b|\\bstuck\\b"
            + "|\\bjust (?:closes|exits|stops|quits|ends|crashes|disappears)\\b|\\b(?:hands?|gives?|spits?) (?:me )?"
            + "(?:back|out)\\b|\\binstead of\\b|\\bnot (?:right|correct|what i (?:want|expect)\\w*)\\b|\\bweird\\b");
    /**
     * Text from {@code input()} mixed up with numbers ("why does input give me a string", "my input() number won't
     * add"): the concept of converting input, not a program fault — as long as no program or traceback is shown.
     */
    private static final Pattern INPUT_AS_TEXT = Pattern.compile("(?i)(?=.*\\binput\\b)(?=.*\\b(?:strings?|str|text|"
            + "numbers?|num|int|integers?|floats?|digits?|add(?:s|ing)?|sum|math|concatenat\\w*|joins?|plus|type)\\b)");
    /** A run that went wrong: with it, a question about input() is about a failure, not about how input works. */
    private static final Pattern FAILED_RUN = Pattern.compile("(?i)\\b(?:crash\\w*|errors?|exceptions?|traceback|"
            + "fails?|failing|failed)\\b");
    private static final Pattern OWN_WORK = Pattern.compile("(?i)\\b(?:my|mine|this|these|i (?:wrote|made|did|"
            + "tried|ran|run|used))\\b");
    /** The student wants to learn a feature that involves errors, not to fix a failing program. */
    private static final Pattern ABOUT_ERRORS_AS_A_FEATURE = Pattern.compile("(?i)\\b(?:raise|raising|throw|throwing|catch|"
            + "catching|handle|handling|custom|own exception|define (?:an? )?(?:exception|error)|exception class"
            + "|try/except|try and except|difference between)\\b");
    /** "why does sort() return None": how a built-in behaves, not a fault in the student's program. */
    private static final Pattern BUILT_IN_RETURNS_NONE = Pattern.compile("(?i)\\b(?:sort|append|extend|reverse|insert|"
            + "remove|clear|update|shuffle|print)\\b\\s*(?:\\(\\))?\\s*(?:method\\s+|function\\s+)?(?:always\\s+)?"
            + "returns?\\s+none");
    private static final Pattern OWN_PROGRAM = Pattern.compile("(?i)\\b(?:my|mine|our|i|i'm|im|this|it)\\b");
    /** Asking for practice on errors is an exercise request. */
    private static final Pattern PRACTICE = Pattern.compile("(?i)\\b(?:quiz|exercises?|practi[cs]e|challenge|"
            + "homework|task)\\b");
    private static final Pattern WHAT_IS_AN_ERROR = Pattern.compile("(?i)^\\s*(?:what(?:'s| is| are)|explain)"
            + "\\s+(?:an?\\s+)?(?:python\\s+)?(?:exceptions?|errors?|tracebacks?)\\s*\\??\\s*$");

    private DebugSignals() {
    }

    static Optional<Kind> of(String question) {
        return of(question, false);
    }

    /** With a program shown, a question about what input() gives is about that program: the usual signals apply. */
    static Optional<Kind> of(String question, boolean programShown) {
        if (question == null || question.isBlank()) {
            return Optional.empty();
        }
        if (PRACTICE.matcher(question).find()) {
            return Optional.empty();
        }
        boolean feature = ABOUT_ERRORS_AS_A_FEATURE.matcher(question).find()
                || WHAT_IS_AN_ERROR.matcher(question).find();
        if (!feature && ERROR_NAME.matcher(question).find()) {
            return Optional.of(Kind.ERROR_NAMED);
        }
        if (!feature && ERROR_MESSAGE.matcher(question).find()) {
            return Optional.of(Kind.ERROR_MESSAGE);
        }
        if (!programShown && inputAsText(question)) {
            return Optional.empty();
        }
        if (EXPECTATION.matcher(question).find()) {
            return Optional.of(Kind.EXPECTATION);
        }
        boolean builtIn = BUILT_IN_RETURNS_NONE.matcher(question).find()
                && !OWN_PROGRAM.matcher(question.replaceAll("(?i)\\bwhy does\\b", "")).find();
        if (!builtIn && SYMPTOM.matcher(question).find()) {
            return Optional.of(Kind.SYMPTOM);
        }
        if (OWN_PART.matcher(question).find() && MISBEHAVES.matcher(question).find()) {
            return Optional.of(Kind.SYMPTOM);
        }
        return Optional.empty();
    }

    /** The student points at something of their own ("my", "this", "the code i wrote") or says it misbehaves. */
    static boolean mentionsOwnWork(String question) {
        return question != null && (OWN_WORK.matcher(question).find() || OWN_PART.matcher(question).find()
                || MISBEHAVES.matcher(question).find());
    }

    /**
     * A question about what {@code input()} gives (text, not a number) that names no failed run; callers check that
     * no program is shown.
     */
    static boolean inputAsText(String question) {
        return question != null && INPUT_AS_TEXT.matcher(question).find() && !FAILED_RUN.matcher(question).find();
    }
}
