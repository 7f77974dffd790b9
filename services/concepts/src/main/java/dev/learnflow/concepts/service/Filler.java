package dev.learnflow.concepts.service;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What students wrap around a question ("hey quick question, ...", "im so confused about this.", "... pls help",
 * "... in python?") says nothing about what they ask, but it moves the sentence embedding and the word scores: the
 * same question got another lesson with a greeting in front of it. The wrapping is taken off before the question is
 * searched; a message that is only wrapping is left as it is (it is vague, and handled as such).
 */
public final class Filler {

    /** Where a wrapping phrase ends: punctuation or a space (not "help()": a name written as code). */
    private static final String END = "(?:\\s*[,.:;!?-]+\\s*|\\s+)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String SO = "(?:so |really |very |a bit |kinda |kind of |super |totally |completely )?";

    /** Repeated until nothing more comes off: "hey, quick question: im lost. ..." */
    private static final List<Pattern> LEADING = List.of(
            Pattern.compile("^(?:sorry,? )?(?:if |for )?(?:this|it)(?: is| might be| may be|'s) a (?:dumb|stupid|silly|noob)"
                    + " question" + END + "(?=\\S)", FLAGS),
            Pattern.compile("^(?:hey+|hi+|hello|yo|ok(?:ay)?|um+|hm+|ugh+|sorry|pls|please|plz)"
                    + "(?: there| guys| all| everyone| tutor)?" + END + "(?=\\S)", FLAGS),
            Pattern.compile("^(?:a |one )?(?:quick|small|simple|dumb|stupid|noob|beginner|silly)"
                    + " (?:question|q)" + END + "(?=\\S)", FLAGS),
            Pattern.compile("^(?:i(?:'| a)?m|i am) " + SO + "(?:confused|lost|stuck)(?: (?:about|on|with) "
                    + "(?:this|it|something))?" + END + "(?=\\S)", FLAGS),
            Pattern.compile("^i (?:have|got) a question" + END + "(?=\\S)", FLAGS),
            // "can you explain how yield works": what follows is the question
            Pattern.compile("^(?:can|could|would|will) (?:you|u|someone) (?:please |pls )?(?:explain|tell me|show me)"
                    + "(?: to me)?" + END + "(?=\\S)", FLAGS));

    private static final List<Pattern> TRAILING = List.of(
            Pattern.compile("\\s*[,.!]*\\s*\\b(?:pls|please|plz)(?: help(?: me)?)?[.!?]*$", FLAGS),
            Pattern.compile("\\s*[,.!]+\\s*help(?: me)?[.!?]*$", FLAGS),
            Pattern.compile("\\s*[,.!]*\\s*\\b(?:thanks?(?: you)?|thx|ty)[.!?]*$", FLAGS),
            Pattern.compile("\\s*[,.!]*\\s*\\b(?:i(?:'| a)?m|i am) " + SO + "(?:confused|lost|stuck)[.!?]*$", FLAGS),
            // "... in python?": every question here is about Python
            Pattern.compile("\\s+(?:in|with|using) python(?: ?3)?(?=[.!?]*$)", FLAGS));

    private Filler() {
    }

    /** The question without its wrapping; the question itself if nothing else is left. */
    public static String strip(String question) {
        if (AnswerPlanner.isVague(question.strip().toLowerCase(java.util.Locale.ROOT))) {
            return question;
        }
        String q = question.strip();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Pattern p : LEADING) {
                String next = p.matcher(q).replaceFirst("");
                if (!next.equals(q)) {
                    q = next;
                    changed = true;
                }
            }
            for (Pattern p : TRAILING) {
                String next = p.matcher(q).replaceFirst("");
                if (!next.equals(q) && !next.isBlank()) {
                    q = next;
                    changed = true;
                }
            }
        }
        return q.isBlank() || AnswerPlanner.isVague(q.toLowerCase(java.util.Locale.ROOT)) ? question : q;
    }
}
