package dev.learnflow.triage.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message that only makes sense as the next turn of a conversation: "can you show another example?", "what
 * about dicts?", "I still don't get it". It continues the previous question's lane and topic instead of starting
 * over; "what about X" also names what changes.
 */
record FollowUp(Kind kind, String subject) {

    enum Kind { ANOTHER_EXAMPLE, NOT_UNDERSTOOD, WHAT_ABOUT, WHY, MORE }

    /** Longer messages carry their own topic; a follow-up is short. */
    static final int MAX_WORDS = 14;

    /** What may follow a follow-up phrase without making it a new question ("... please", "... of that"). */
    private static final String TAIL = "(?:\\s+(?:please|pls|plz|yet|at all|still|sorry|either|again|of (?:it|this|that)"
            + "|(?:for|with) (?:it|this|that)|(?:the|your) (?:example|answer|explanation|code)|what you mean|why|how"
            + "|(?:this|that|it)(?: part)?))*\\s*[.!?]*\\s*$";
    private static final Pattern ANOTHER_EXAMPLE = Pattern.compile("(?i)\\b(?:another|one more|more|a different|"
            + "other|a second|second|new|extra|an?)\\s+(?:\\w+\\s+)?examples?" + TAIL + "|\\bshow me (?:more|another)"
            + TAIL + "|^\\s*examples?" + TAIL);
    private static final Pattern NOT_UNDERSTOOD = Pattern.compile("(?i)(?:\\b(?:still\\s+)?(?:do ?n[o']?t|do not|"
            + "dont|didn'?t|did not|cannot|can'?t)\\s+(?:really\\s+)?(?:get|understand|follow|see)|\\bstill (?:confused|"
            + "lost|stuck|unclear)|\\b(?:i'?m|im|i am) (?:still )?(?:confused|lost)|\\bexplain (?:it |that |this )?(?:again|"
            + "differently|another way|more simply|simpler|slower|step by step)|\\b(?:simpler|easier)(?: please| "
            + "explanation| words)?|\\bmakes? no sense|\\bwhat do you mean|\\beli5|^\\s*(?:huh|\\?+|what\\?*)|\\bnot "
            + "clear)" + TAIL);
    private static final Pattern WHAT_ABOUT = Pattern.compile("(?i)^\\s*(?:ok(?:ay)?,?\\s+|and\\s+|but\\s+|so\\s+)?"
            + "(?:what|how)\\s+about\\s+(.+?)\\s*\\??\\s*$|^\\s*(?:and|ok(?:ay)?,? and)\\s+(?:for|with|in|on)?\\s*(.+?)"
            + "\\s*\\?\\s*$|^\\s*(?:(?:and|ok|so|now)\\s+)?(?:the\\s+)?same\\s+(?:thing\\s+)?(?:for|with)\\s+(.+?)"
            + "\\s*\\??\\s*$|^\\s*(?:and\\s+|but\\s+)?(?:does|will|would|can)\\s+(?:this|that|it)\\s+(?:also\\s+)?"
            + "work\\s+(?:for|with|on)\\s+(.+?)\\s*\\??\\s*$");
    private static final Pattern WHY = Pattern.compile("(?i)^\\s*(?:but\\s+)?(?:why|how come|why is that|why\\s+"
            + "(?:though|not))\\s*\\??\\s*$");
    private static final Pattern MORE = Pattern.compile("(?i)^\\s*(?:more|tell me more|go on|continue|keep going|"
            + "and then\\??|what else\\??|more please|explain more|can you elaborate|elaborate)\\s*[.!?]*\\s*$");

    static Optional<FollowUp> of(String message) {
        if (message == null || message.isBlank() || message.strip().split("\\s+").length > MAX_WORDS) {
            return Optional.empty();
        }
        if (ANOTHER_EXAMPLE.matcher(message).find()) {
            return Optional.of(new FollowUp(Kind.ANOTHER_EXAMPLE, null));
        }
        if (NOT_UNDERSTOOD.matcher(message).find()) {
            return Optional.of(new FollowUp(Kind.NOT_UNDERSTOOD, null));
        }
        Matcher about = WHAT_ABOUT.matcher(message);
        if (about.find()) {
            for (int g = 1; g <= about.groupCount(); g++) {
                if (about.group(g) != null && !about.group(g).isBlank()) {
                    return Optional.of(new FollowUp(Kind.WHAT_ABOUT, about.group(g).strip()));
                }
            }
        }
        if (WHY.matcher(message).find()) {
            return Optional.of(new FollowUp(Kind.WHY, null));
        }
        if (MORE.matcher(message).find()) {
            return Optional.of(new FollowUp(Kind.MORE, null));
        }
        return Optional.empty();
    }

    /** Phrases for the agent: what the student asks now, in terms of what they asked before. */
    String continuing(String previousQuestion) {
        String before = previousQuestion == null ? "" : previousQuestion.strip();
        return switch (kind) {
            case ANOTHER_EXAMPLE -> "another example: " + before;
            case NOT_UNDERSTOOD -> "explain more simply: " + before;
            case WHAT_ABOUT -> before + " — and what about " + subject;
            case WHY, MORE -> "more detail: " + before;
        };
    }
}
