package dev.learnflow.triage.service;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message that shows code and asks how Python treats it, not why a program of the student's goes wrong: it quotes a
 * piece of the code and asks what that does or means ("what does [::-1] do", "what does -> None mean after the
 * function"), or asks how the code does what it does ("how does this swap without a temp variable?"). Python's rule
 * is the answer: the concepts lane explains it with the code's run. The debugging lane looks for the line where a
 * program goes wrong and, told of nothing wrong, could only say that the code ran.
 */
final class ShownCodeQuestions {

    /** "what does X do", "what is X doing here", "what does X mean": X is group 1. */
    private static final Pattern WHAT_PIECE_DOES = Pattern.compile("(?i)\\bwhat(?:'s|s| is| are| does| do)\\s+"
            + "(?:the |this |that )?(.{1,40}?)\\s+(?:do|does|doing|mean|means|stand for|stands for)\\b");
    /** "how does this swap ...", "how does it know when to stop": how the shown code does something. */
    private static final Pattern HOW_IT_DOES = Pattern.compile(
            "(?i)\\bhow (?:does|do|can|could) (?:this|that|it|python|this code|the code) (?!not\\b|n't\\b)[a-z]{3,}\\b");

    private ShownCodeQuestions() {
    }

    /** Whether the words around the code ask how Python treats it (see the class comment). */
    static boolean asksHowPythonTreatsIt(String prose, String code) {
        if (prose == null || code == null || code.isBlank()) {
            return false;
        }
        return quotesAPieceAndAsksWhatItDoes(prose, code) || HOW_IT_DOES.matcher(prose).find();
    }

    /** "what does [::-1] do" beside code that holds {@code [::-1]}: the piece is quoted from the code. */
    static boolean quotesAPieceAndAsksWhatItDoes(String prose, String code) {
        String flatCode = code.replaceAll("\\s+", " ");
        Matcher m = WHAT_PIECE_DOES.matcher(prose);
        while (m.find()) {
            String piece = m.group(1).strip().replaceAll("^[`'\"]+|[`'\"]+$", "").replaceAll("\\s+", " ");
            // a word of the sentence ("what does it do") is no piece of the code; a name or a symbol is
            if (piece.length() >= 2 && !piece.toLowerCase(Locale.ROOT).matches("(?:it|this|that|these|those|the code|"
                    + "this code|this line|that line|the line|this part|that part|python)")
                    && flatCode.contains(piece)) {
                return true;
            }
        }
        return false;
    }
}
