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

    static String ordinal(long n) {
        return n >= 1 && n <= ORDINALS.length ? ORDINALS[(int) n - 1] : n + "th";
    }
}
