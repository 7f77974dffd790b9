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
            // "my teacher asked us this and i dont get it: ...", "for my homework, ..."
            Pattern.compile("^(?:my |our )?(?:teacher|professor|prof|tutor|lecturer|instructor) (?:asked|gave|told|showed)"
                    + " (?:us|me)(?: this| a question| this question)?(?: and i (?:don'?t|do not) (?:get|understand) it)?"
                    + END + "(?=\\S)", FLAGS),
            Pattern.compile("^i (?:don'?t|do not|can'?t) (?:get|understand) (?:this|it)" + END + "(?=\\S)", FLAGS),
            Pattern.compile("^(?:this is )?(?:for|from) (?:my |our |a )?(?:homework|assignment|class|course|project)"
                    + END + "(?=\\S)", FLAGS),
            // "whats the pythonic way to join words", "pythonic check for a negative number": the task is the question
            // (the glossary's "Pythonic" entry would answer the wrapping)
            Pattern.compile("^(?:what(?:'s| is|s) )?(?:the |a )?(?:most |more )?pythonic (?:way|approach|method|style|"
                    + "version)(?: to| of| for)?" + END + "(?=\\S)", FLAGS),
            Pattern.compile("^pythonic (?!code|style|means?|meaning|is|vs|versus)(?=[a-z])", FLAGS),
            // "can you explain how yield works": what follows is the question
            Pattern.compile("^(?:can|could|would|will) (?:you|u|someone) (?:please |pls )?(?:explain|tell me|show me)"
                    + "(?: to me)?" + END + "(?=\\S)", FLAGS));

    private static final List<Pattern> TRAILING = List.of(
            Pattern.compile("\\s*[,.!]*\\s*\\b(?:pls|please|plz)(?: help(?: me)?)?[.!?]*$", FLAGS),
            Pattern.compile("\\s*[,.!]+\\s*help(?: me)?[.!?]*$", FLAGS),
            Pattern.compile("\\s*[,.!]*\\s*\\b(?:thanks?(?: you)?|thx|ty)[.!?]*$", FLAGS),
            Pattern.compile("\\s*[,.!]*\\s*\\b(?:i(?:'| a)?m|i am) " + SO + "(?:confused|lost|stuck)[.!?]*$", FLAGS),
            // "..., pythonic?", "... the pythonic way": how well it is done, not what is asked
            Pattern.compile("\\s*[,.;:-]*\\s*\\b(?:is (?:it|this|that|there a) |in a |(?:the )?(?:most |more )?)?pythonic"
                    + "(?: way| approach)?[.!?]*$", FLAGS),
            // "what does O(n) mean, is that a python thing": whether it is Python's is answered by the answer itself
            Pattern.compile("\\s*[,.;:?!-]*\\s*\\b(?:or )?(?:is|are) (?:that|it|this|these|those) (?:even |just |really "
                    + "|also )?(?:an? )?(?:python|real|actual|official)? ?(?:thing|feature)s?(?: in python| or not)?"
                    + "[.!?]*$", FLAGS),
            Pattern.compile("\\s*[,.;:?!-]*\\s*\\b(?:or )?(?:is|are) (?:that|it|this) (?:not )?(?:even |just |really )?"
                    + "(?:in )?python[.!?]*$", FLAGS),
            // "... in python?": every question here is about Python
            Pattern.compile("\\s+(?:in|with|using) python(?: ?3)?(?=[.!?]*$)", FLAGS));

    /** "why???" at the end: one mark says the same and does not move the search ("??" inside is an operator). */
    private static final Pattern REPEATED_MARKS = Pattern.compile("([?!])[?!]+(?=\\s*$)");
    /**
     * Chat spellings of words the search reads ("wat does ** do", "can u show me"); not where they could be a name in
     * code (before "=", "(", "[", "." or a quote, or after "." or "="). Not "r" and a lone "u": the r and u string
     * prefixes are asked about.
     */
    private record ChatWord(Pattern spelling, String word) {
        ChatWord(String spelling, String word) {
            this(Pattern.compile("(?<![\\w.=])" + spelling + "(?![\\w(\\[.='\"]|\\s*[=(\\[])", FLAGS), word);
        }
    }

    private static final List<ChatWord> CHAT = List.of(new ChatWord("wat", "what"), new ChatWord("wut", "what"),
            new ChatWord("ur", "your"), new ChatWord("cuz", "because"), new ChatWord("coz", "because"),
            new ChatWord("ppl", "people"), new ChatWord("(?<=\\b(?:can|could|would|will|do|did|should|if|when|have|"
                    + "thank) )u", "you"),
            // "round brackets" are parentheses: the word "round" would name round() (and the maths lesson)
            new ChatWord("round (?:brackets?|braces?)", "parentheses"));
    /** "y does ..." at the start is "why". */
    private static final Pattern LEADING_Y = Pattern.compile("^y (?=(?:does|do|is|are|did|would|can|cant|doesnt|isnt)\\b)",
            FLAGS);

    private Filler() {
    }

    /** Chat spellings written out and repeated question marks made one. */
    static String normalised(String question) {
        String q = REPEATED_MARKS.matcher(question).replaceAll("$1");
        q = LEADING_Y.matcher(q).replaceFirst("why ");
        for (ChatWord chat : CHAT) {
            q = chat.spelling().matcher(q).replaceAll(chat.word());
        }
        return q;
    }

    /** The question without its wrapping; the question itself if nothing else is left. */
    public static String strip(String question) {
        if (AnswerPlanner.isVague(question.strip().toLowerCase(java.util.Locale.ROOT))) {
            return question;
        }
        String q = normalised(question.strip());
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
