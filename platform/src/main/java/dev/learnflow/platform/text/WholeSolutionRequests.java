package dev.learnflow.platform.text;

import java.util.regex.Pattern;

/**
 * "Do my whole assignment for me, it's due tonight", "just give me all the code for my project to hand in": a request
 * for finished work to submit. A tutor guides the student through it and never writes it for them (CS50's duck,
 * CodeHelp), and the nearest lesson (variables, debugging) would answer something else, so the honest reply says
 * what the tutor will do instead. Triage sends such a message without code to the concepts lane, whose planner
 * declines it (reason {@code whole-solution}). Both signs must be there: graded work ("assignment", "due", "hand
 * in") and asking for it done ("for me", "the full code", "don't explain"). A question about a piece of the work
 * ("my assignment says use a while loop, how do they work") asks to learn, and is answered.
 */
public final class WholeSolutionRequests {

    /** Work a student hands in and is graded on. */
    private static final Pattern GRADED_WORK = Pattern.compile("\\b(assignments?|homework|home work|hw|coursework|"
            + "course work|(my|final|school|class|course|uni|college|capstone) projects?|exams?|"
            + "due (tonight|tomorrow|today|soon|in|at|on|by|this|next)|deadline|(hand|turn) (it |this |them )?in|"
            + "submit\\w*|graded|for (a|my) grade)\\b");
    /** Asking for that work done rather than for help doing it. */
    private static final Pattern DONE_FOR_ME = Pattern.compile("\\b("
            // "write the whole thing for me"
            + "(do|write|finish|complete|solve|make|code)\\b.{0,40}\\bfor me\\b"
            // "can you do my homework", "could someone finish this whole assignment"
            + "|(can|could|would|will|pls|please) (you|u|someone|somebody) (please |pls |just )?"
            + "(do|write|finish|complete|solve) (my|it|all|the (whole|entire|full)|this (whole )?(assignment|homework|project))\\b"
            // "send me the full code so i can hand it in"
            + "|(give|send|show|write|paste)\\w* (me )?(the |all (of )?the |all of it|it all)?\\s*"
            + "(full|whole|entire|complete|finished|final|working)? ?(code|program|solution|answers?|script)\\b.{0,40}"
            + "\\b(hand|turn|submit|copy|paste)"
            // "don't explain", "no explanation"
            + "|(dont|don'?t|do not|no need to|without) (explain\\w*|teach\\w*)|no explanations?"
            + "|(give|send) me all of it|all of it (to|so i can) (hand|turn|submit))");

    private WholeSolutionRequests() {
    }

    /** Whether the (lower-case) question asks for graded work to be done for the student. */
    public static boolean asks(String lowerQuestion) {
        return GRADED_WORK.matcher(lowerQuestion).find() && DONE_FOR_ME.matcher(lowerQuestion).find();
    }
}
