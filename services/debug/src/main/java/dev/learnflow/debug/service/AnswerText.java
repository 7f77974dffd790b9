package dev.learnflow.debug.service;

import java.util.List;

/** The Markdown a student reads; the same facts are in the answer's structured data. */
public final class AnswerText {

    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth"};

    private AnswerText() {
    }

    public static String debug(ParsedError error, Diagnosis diagnosis, List<Hint> hints, long thisWeek,
                        boolean solutionAsked, int level) {
        StringBuilder text = new StringBuilder();
        text.append("**").append(error.type()).append("**");
        if (error.line() != null) {
            text.append(" on line ").append(error.line());
        }
        if (!error.message().isBlank()) {
            text.append(": ").append(error.message().replace("`", "'"));
        }
        text.append("\n\n").append(diagnosis.explanation()).append("\n\n");
        if (thisWeek >= 2) {
            text.append("This is the ").append(ordinal(thisWeek)).append(" `").append(error.type())
                    .append("` you have met this week");
            text.append(thisWeek >= 3 ? " — a pattern worth breaking. " + diagnosis.habit() : ".");
            text.append("\n\n");
        }
        if (solutionAsked) {
            text.append("I won't write the finished code for you — working it out yourself is what makes it stick. "
                    + "Here is the next step instead.\n\n");
        }
        for (Hint hint : hints) {
            text.append("**Hint ").append(hint.level()).append(" — ").append(hint.label()).append(":** ")
                    .append(hint.text()).append("\n\n");
        }
        if (level < 3) {
            text.append("Still stuck? Ask again for a more specific hint.");
        } else {
            text.append("Try the change yourself and run the code again; if a new error appears, send it to me.");
        }
        return text.toString().strip();
    }

    /** A program that runs but gives the wrong result, or never finishes: the logic-bug hints. */
    public static String wrongResult(String kind, String category, List<Hint> hints, long thisWeek,
                                     boolean solutionAsked, int level) {
        StringBuilder text = new StringBuilder();
        text.append(kind.equals("timeout") ? "**Your program never finishes**"
                : kind.equals("crash") ? "**Your program stops with an error**" : "**Wrong result**");
        if (level >= 2 && category != null) {
            text.append(" — it looks like ").append(WrongResultHints.name(category));
        }
        text.append(".\n\n");
        if (thisWeek >= 2 && category != null) {
            text.append("This is the ").append(ordinal(thisWeek)).append(" time this week the problem is ")
                    .append(WrongResultHints.name(category));
            text.append(thisWeek >= 3 ? " — a pattern worth breaking. " + WrongResultHints.habit(category) : ".");
            text.append("\n\n");
        }
        if (solutionAsked) {
            text.append("I won't write the finished code for you — working it out yourself is what makes it stick. "
                    + "Here is the next step instead.\n\n");
        }
        for (Hint hint : hints) {
            text.append("**Hint ").append(hint.level()).append(":** ").append(hint.text()).append("\n\n");
        }
        text.append(level < 3 ? "Still stuck? Ask again for a more specific hint."
                : "Try the change yourself and run your tests again.");
        return text.toString().strip();
    }

    /** Every case the student gave behaves as expected when we run it. */
    public static String allPassed(dev.learnflow.debug.domain.ProgramDiagnosis diagnosis) {
        long count = diagnosis.cases().size();
        return "I ran your code on " + (count == 1 ? "the case you described" : "the " + count + " cases you "
                + "gave") + " and " + (count == 1 ? "it gives" : "they all give") + " the result you expect. If you "
                + "see something different, check that you are running this version of the code, and tell me the "
                + "exact call or input and what it shows.";
    }

    static String ordinal(long n) {
        return n >= 1 && n <= ORDINALS.length ? ORDINALS[(int) n - 1] : n + "th";
    }
}
