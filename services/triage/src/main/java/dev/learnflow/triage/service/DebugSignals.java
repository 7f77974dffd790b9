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
            + "|indices must be integers|expected ':'");
    /** "f(3) returns 8 but should be 5", "gives [1,2,2] instead of [1,2]", "should print 4 but prints 3". */
    private static final Pattern EXPECTATION = Pattern.compile("(?i)\\b(?:returns?|returned|gives?|gave|prints?|"
            + "printed|outputs?|shows?|got|getting|comes out)\\b.{0,60}\\b(?:instead of|but (?:it )?"
            + "(?:should|must|expected|want|needs? to)|but i (?:expected|want(?:ed)?)|when (?:it )?should|rather than)"
            + "|\\b(?:should (?:be|return|print|give|output)|expected|expecting)\\b.{0,60}\\b(?:but|instead|however)"
            + "\\b.{0,40}\\b(?:get|got|getting|returns?|returned|gives?|gave|prints?|printed|shows?|is|it's)\\b");
    /** Symptoms of a program that runs but misbehaves. */
    private static final Pattern SYMPTOM = Pattern.compile("(?i)"
            + "\\b(?:returns?|returning|returned|prints?|printing|printed|gives?|gave|giving|get|got|getting|"
            + "shows?|outputs?)\\s+(?:me\\s+|back\\s+|out\\s+)?(?:a\\s+|just\\s+|only\\s+)?none\\b"
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
            + "|\\b(?:skips?|misses?|missing|loses?|drops?) (?:the )?(?:first|last) (?:item|element|number|value|"
            + "line|one|character|letter)|\\b(?:last|first) (?:item|element|number|value|one) is (?:missing|"
            + "skipped|not (?:printed|counted|included))|\\bone (?:too many|too few|off)|\\boff[- ]by[- ]one"
            + "|\\b(?:prints?|outputs?|shows?|displays?) nothing|\\bno output|\\boutput is empty|\\bnothing "
            + "(?:happens|is printed|prints|shows up)"
            + "|\\b(?:if|condition|else|elif)(?: statement| branch| block)? (?:never|always) (?:runs|executes|"
            + "works|happens|true|false|triggers)|\\bloop (?:only )?runs (?:only )?once|\\bonly (?:runs|loops|"
            + "checks|returns) (?:the first|once)|\\bjoins? the numbers|\\bconcatenat\\w* instead of add"
            + "|\\b(?:my|the|this) (?:code|program|function|script|loop|method) (?:does ?n[o']?t|isn'?t|is not|"
            + "won'?t) (?:work|working|give|return|print|do what)");
    /** The student wants to learn a feature that involves errors, not to fix a failing program. */
    private static final Pattern ABOUT_ERRORS_AS_A_FEATURE = Pattern.compile("(?i)\\b(?:raise|raising|catch|"
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
        if (EXPECTATION.matcher(question).find()) {
            return Optional.of(Kind.EXPECTATION);
        }
        boolean builtIn = BUILT_IN_RETURNS_NONE.matcher(question).find()
                && !OWN_PROGRAM.matcher(question.replaceAll("(?i)\\bwhy does\\b", "")).find();
        if (!builtIn && SYMPTOM.matcher(question).find()) {
            return Optional.of(Kind.SYMPTOM);
        }
        return Optional.empty();
    }
}
