package dev.learnflow.platform.text;

import java.util.Optional;
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
            + "(?:(?:what(?:'s|s)?|whats)\\s+(?:(?:is|will|would)\\s+(?:be\\s+)?)?(?:the\\s+)?(?:output|result|value)"
            + "\\s+of|(?:evaluate|predict the output of|find the (?:output|result|value) of))\\b\\s*:?\\s*");
    /** "what does 7 // 2 give?", "what will "ab" * 3 print": the code between the asking words. */
    private static final Pattern ASKS_AROUND = Pattern.compile("(?i)\\s*" + QUIZ
            + "what\\s+(?:does|do|will|would)\\s+(.+?)\\s+(?:evaluates?\\s+to|give|return|print|output|show|be)"
            + "(?:\\s+in python(?:\\s*3)?)?\\s*[?.!]*\\s*");
    /** "what is 2 ** 10?": a value asked for directly, to be told apart from "what is a lambda" by its code. */
    private static final Pattern WHAT_IS = Pattern.compile("(?i)\\s*" + QUIZ + "what(?:'s|s| is)\\s+(.+?)"
            + "(?:\\s+in python(?:\\s*3)?)?\\s*[?.!]*\\s*");
    /** What may follow the code without being code ("..., and why?", " in python"). */
    private static final Pattern TRAILING = Pattern.compile("(?i)(?:\\s+in python(?:\\s*3)?|\\s*[,;]?\\s+(?:and )?"
            + "(?:why|explain|can you|pls|please)\\b.*)?\\s*[?.!]*\\s*$");

    private OutputQuestions() {
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
