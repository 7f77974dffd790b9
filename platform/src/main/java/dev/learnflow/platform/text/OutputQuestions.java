package dev.learnflow.platform.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What is the output of print(2 ** 3 ** 2)?", "evaluate [x * 2 for x in range(3)]", "what does 7 // 2 give?":
 * exam-style questions that ask what a piece of code gives. Their words name no subject ("output" is not the input
 * and output topic): the code is what is asked about, and what it gives is the first thing to show. Triage takes the
 * code out of such a question (and names no topic for the words left); concepts answers with the code's run first
 * and the lesson on its construct.
 */
public final class OutputQuestions {

    /** "what", as typed in a hurry. */
    private static final String WHAT = "what(?:'s|s)?|whats|wht|wat";
    private static final String QUIZ = "(?:quiz(?: q(?:uestion)?)?:?\\s*|exam(?: q(?:uestion)?)?:?\\s*)?(?:so\\s+)?";
    /** Prose that only asks what the code beside it gives, once the code is taken out. */
    private static final Pattern ONLY_ASKS = Pattern.compile("(?i)\\s*" + QUIZ
            + "(?:(?:what(?:'s|s)?\\s+)?(?:(?:is|will|would|does)\\s+)?"
            + "(?:(?:the|this|it|that)\\s+)?(?:output|result|value|print|prints|show|shows|give|gives|return|"
            + "returns|evaluate|evaluates)(?:\\s+(?:of|to|be|out|for))?\\s*(?:this|it|that)?"
            // "what is" (2 ** 10)
            + "|what(?:'s|s|\\s+is))"
            + "(?:\\s+in python(?:\\s*3)?)?\\s*[?:.!]*(?:\\s*,?\\s*(?:and\\s+)?why\\s*[?.!]*)?\\s*");
    /** Words opening a question about what the code after them gives ("what will be the output of ..."). */
    private static final Pattern OPENS_BY_ASKING = Pattern.compile("(?i)\\s*" + QUIZ
            + "(?:(?:" + WHAT + ")\\s+(?:(?:is|will|would)\\s+(?:be\\s+)?)?(?:the\\s+)?(?:output|result|value)"
            + "\\s+of|(?:evaluate|predict the output of|find the (?:output|result|value) of))\\b\\s*:?\\s*");
    /** "what does 7 // 2 give?", "what will "ab" * 3 print": the code between the asking words. */
    private static final Pattern ASKS_AROUND = Pattern.compile("(?i)\\s*" + QUIZ
            + "(?:" + WHAT + ")\\s+(?:does|dose|do|will|would)\\s+(.+?)\\s+"
            + "(?:evaluates?\\s+to|give|return|print|output|show|be)(?:\\s+(?:me|us))?(?:\\s+in python(?:\\s*3)?)?"
            + "\\s*[?.!]*\\s*");
    /** "what is 2 ** 10?": a value asked for directly, to be told apart from "what is a lambda" by its code. */
    private static final Pattern WHAT_IS = Pattern.compile("(?i)\\s*" + QUIZ
            + "(?:what(?:'s|s| is)|wh?at is|wht is)\\s+(.+?)(?:\\s+in python(?:\\s*3)?)?\\s*[?.!]*\\s*");
    /** What may follow the code without being code ("..., and why?", " in python"). */
    private static final Pattern TRAILING = Pattern.compile("(?i)(?:\\s+in python(?:\\s*3)?|\\s*[,;]?\\s+(?:and )?"
            + "(?:why|explain|can you|pls|please)\\b.*)?\\s*[?.!]*\\s*$");

    /** Words that ask what code gives, typed the way students type them, and nothing else. */
    private static final Set<String> ASKING_WORDS = Set.of("what", "whats", "wht", "wat", "wats",
            "what's", "is", "are", "does", "dose", "do", "did", "will", "would", "be", "the", "this", "that", "it",
            "these", "code", "snippet", "following", "program", "line", "lines", "output", "outputs", "outputted",
            "result", "results", "value", "values", "print", "prints", "printed", "show", "shows", "shown",
            "displayed", "display", "give", "gives", "return", "returns", "returned", "evaluate", "evaluates", "to",
            "of", "out", "get", "gets", "got", "happens", "happen", "predict", "guess", "quiz", "q", "question",
            "exam", "test", "here", "now", "at", "end", "after", "when", "i", "run", "running", "we", "you", "me",
            "true", "false", "or", "and", "numbers", "number", "which", "tell", "can", "please", "pls", "plz", "in",
            "python", "python3", "on", "screen", "console", "final", "finally", "exactly", "answer", "so",
            "hey", "hi", "quick", "mean", "means");
    private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_']*|\\d+");
    private static final Pattern FENCE = Pattern.compile("```[\\s\\S]*?(?:```|$)");
    private static final Pattern PRINTED = Pattern.compile("print\\s*\\((.*)\\)\\s*;?");

    private OutputQuestions() {
    }

    /**
     * Whether the student's words around the code ask only what it gives: every word is an asking word ("what",
     * "predict", "printed", "at the end") or a name from the code ("what is count at the end", "what does fact
     * return here"). "why is the second one different?" asks more, and is answered by its words.
     */
    public static boolean onlyAsksWhatCodeGives(String prose, String code) {
        if (prose == null || prose.isBlank() || code == null || code.isBlank()) {
            return false;
        }
        Set<String> names = new HashSet<>();
        Matcher inCode = WORD.matcher(code.toLowerCase(Locale.ROOT));
        while (inCode.find()) {
            names.add(inCode.group());
        }
        Matcher asked = WORD.matcher(prose.toLowerCase(Locale.ROOT).replace("\u2019", "'"));
        boolean any = false;
        while (asked.find()) {
            String word = asked.group().replaceAll("'s$", "");
            if (!ASKING_WORDS.contains(word) && !names.contains(word)) {
                return false;
            }
            any |= !names.contains(word);
        }
        return any;
    }

    /**
     * The student's words in a question once the code sent with it is taken out: fenced blocks, and every line or
     * statement of the code (or the expression a {@code print(...)} line shows) where the question holds it.
     */
    public static String proseAround(String question, String code) {
        if (question == null) {
            return "";
        }
        String prose = FENCE.matcher(question).replaceAll(" ");
        if (code != null) {
            List<String> pieces = new ArrayList<>();
            for (String line : code.split("\n")) {
                String piece = line.strip();
                if (piece.length() >= 2) {
                    pieces.add(piece);
                    Matcher printed = PRINTED.matcher(piece);
                    if (printed.matches() && printed.group(1).strip().length() >= 2) {
                        pieces.add(printed.group(1).strip());
                    }
                }
            }
            // longest first, so a statement goes before a piece of it
            pieces.sort(Comparator.comparingInt(String::length).reversed());
            for (String piece : pieces) {
                // whole names only: the code's "i" is not the i in "printed"
                prose = prose.replaceAll("(?<![\\w])" + Pattern.quote(piece) + "(?![\\w])", " ");
            }
        }
        return prose.replaceAll("`+", " ").replaceAll("(?m)^[\\s;:]+$", "").replaceAll("\\s*;\\s*", " ")
                .replaceAll("\\s+", " ").strip();
    }

    /** Whether the prose left once the code is taken out only asks what that code gives. */
    public static boolean onlyAsksWhatCodeGives(String prose) {
        return prose != null && ONLY_ASKS.matcher(prose).matches();
    }

    /** Whether the question opens by asking what code gives, or asks what the code inside it gives. */
    public static boolean asksWhatCodeGives(String question) {
        return question != null && (OPENS_BY_ASKING.matcher(question).lookingAt()
                || ASKS_AROUND.matcher(question).matches());
    }

    /**
     * The text a one-line question asks the value of, as written (not yet known to be code): after the opening
     * words ("the output of 2 ** 3"), between them ("what does 7 // 2 give"), or after "what is" ("what is 2 ** 10",
     * which is only code if it reads as code).
     */
    public static Optional<String> textAskedAbout(String question) {
        if (question == null || question.strip().contains("\n")) {
            return Optional.empty();
        }
        Matcher around = ASKS_AROUND.matcher(question);
        if (around.matches()) {
            return nonBlank(around.group(1));
        }
        Matcher opens = OPENS_BY_ASKING.matcher(question);
        if (opens.lookingAt()) {
            String rest = question.substring(opens.end());
            return nonBlank(TRAILING.matcher(rest).replaceFirst(""));
        }
        Matcher whatIs = WHAT_IS.matcher(question);
        return whatIs.matches() ? nonBlank(whatIs.group(1)) : Optional.empty();
    }

    private static Optional<String> nonBlank(String text) {
        String s = text.strip();
        if (s.length() > 1 && s.startsWith("`") && s.endsWith("`")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
