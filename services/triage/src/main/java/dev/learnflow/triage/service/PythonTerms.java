package dev.learnflow.triage.service;

import java.util.regex.Pattern;

/**
 * Names only Python has: keywords that are not everyday English ({@code yield}, {@code lambda}, {@code elif}),
 * built-in functions and types, methods and standard modules, the course's concept words ("tuple", "list
 * comprehension", "decorator", with their usual misspellings), and code written as a name ({@code len()},
 * {@code dict.get}, {@code __init__}, {@code **kwargs}, {@code :=}). A message naming one is a Python question: when
 * the sentence model is unsure, or only sees a bug report or something off-topic in it (no debug signal, no
 * request for practice), the student wants an explanation, and gets one rather than a question back.
 */
final class PythonTerms {

    private static final Pattern TERM = Pattern.compile("(?i)"
            // keywords that are not plain English
            + "\\b(?:raise|raising|catch(?:ing)? (?:an? |the )?\\w*(?:error|exception)s?|yield|lambda|lamda|nonlocal|elif|assert|del|async|await|None|def|__\\w+__|try ?/? ?except|"
            + "except|finally|f-?strings?|walrus|"
            // built-in functions and types
            // (those that are also everyday words, like next, set or print, count only written as code: next())
            + "len|enumerate|zip|sorted|reversed|isinstance|issubclass|int|str|float|bool|dicts?|tuples?|"
            + "frozenset|bytes|abs|min|max|iter|divmod|pow|repr|ord|chr|getattr|setattr|"
            // standard modules and tools
            + "itertools|collections|json|datetime|random|math|os|sys|re|regex|csv|functools|pathlib|typing|"
            + "pickle|venv|pip|pypi|defaultdict|counter|namedtuple|deque|"
            // the concepts students name
            + "dict\\w*|dictonar\\w*|tupl\\w*|comprehens\\w*|compre\\w*|generators?|iterators?|iterables?|"
            + "decorators?|slic(?:e|es|ing)|mutab\\w*|immutab\\w*|recursi\\w*|inheritance|dataclass(?:es)?|"
            + "propert(?:y|ies)|getters?|setters?|exceptions?|modules?|packages?|variables?|loops?|strings?|"
            + "integers?|floats?|booleans?|methods?|arguments?|parameters?|kwargs|args|scope|namespace|"
            + "hashable|indentation|python|pythonic|py|"
            // the ecosystem: libraries and tools only Python programmers name
            + "numpy|pandas|matplotlib|django|flask|fastapi|tkinter|pygame|pytorch|torch|tensorflow|keras|"
            + "sklearn|scikit-learn|jupyter|beautifulsoup|bs4|selenium|pycharm|anaconda|conda|pytest|unittest|"
            + "pep ?8|flake8|pylint|mypy|"
            // words of the course that everyday messages rarely use
            + "input|functions?|func|classes|objects?|lists?|deep ?cop(?:y|ies)|shallow ?cop(?:y|ies)|"
            + "keywords?|syntax|statements?|operators?|recursive|iterat\\w*|conditionals?|files?|arrays?|"
            + "index(?:es|ing)?|indices|sort(?:ing|ed)?|append(?:ing)?|imports?|importing|librar(?:y|ies)|range|"
            + "rounding|decimals?|self|constructors?|instances?|attributes?|globals?)\\b"
            // names written as code: len(), str.count, .split
            + "|\\b[a-z_]\\w*\\(\\)|\\b[a-z_]\\w*\\.[a-z_]\\w*\\b|\\*\\*?\\w+|:=|==|//|\\[::?-?\\d*\\]");

    /** The student's own program is the subject: a bug report, even without a named error. */
    private static final Pattern OWN_PROGRAM = Pattern.compile("(?i)\\bmy (?:code|program|script|function|loop|"
            + "solution|class|output)\\b");
    /** Trouble with a program, in any words: with it, the student's program is the subject even when asked as a question. */
    private static final Pattern TROUBLE = Pattern.compile("(?i)doesn'?t work|does not work|not working|broken|\\bbugs?\\b|"
            + "\\bwrong\\b|\\bfix\\b|crash|stuck|\\bfails?\\b");
    /** "can i use a list in my function?", "how do i call my function twice": a question about Python, asked about it. */
    private static final Pattern ASKS_ABOUT_PYTHON_FIRST = Pattern.compile("(?i)^\\W*(?:(?:can|could|may|should) i|"
            + "how (?:do|can|should|would) i|how to|what(?:'s|s| is| are| does| do)|is it (?:possible|ok|okay|allowed|"
            + "better)|when (?:should|do) i|is there a way)\\b");
    /** Asks what something is or how it works, rather than for something to do. */
    private static final Pattern ASKS_HOW_OR_WHAT = Pattern.compile("(?i)^\\s*(?:what|whats|wat|how|why|when|"
            + "which|explain|difference|is|are|can|does|do)\\b|\\?\\s*$|\\bvs\\.?\\b|\\bversus\\b|"
            + "\\bdifference\\b|\\bmean(?:s|ing)?\\b");

    /** Words of a request for a review: with them a message about code wants feedback, not an explanation. */
    private static final Pattern REVIEW_WORDS = Pattern.compile("(?i)\\b(?:review|feedback|critique|critici[sz]e|"
            + "rate|improve|better|cleaner|look over|check)\\b");

    private PythonTerms() {
    }

    static boolean named(String message) {
        return message != null && TERM.matcher(message).find();
    }

    static boolean aboutOwnProgram(String message) {
        return TROUBLE.matcher(message).find()
                || OWN_PROGRAM.matcher(message).find() && !ASKS_ABOUT_PYTHON_FIRST.matcher(message).find();
    }

    static boolean asksForReview(String message) {
        return REVIEW_WORDS.matcher(message).find();
    }

    static boolean asksHowOrWhat(String message) {
        return ASKS_HOW_OR_WHAT.matcher(message).find();
    }
}
