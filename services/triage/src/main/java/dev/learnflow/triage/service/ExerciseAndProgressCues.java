package dev.learnflow.triage.service;

import dev.learnflow.triage.domain.Intent;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Requests that say what they want in so many words: "give me an exercise on tuples", "quiz me on loops", "what is
 * my mastery in dictionaries?". The sentence model weighs the topic words of such a message more than the request
 * around them (an exercise about lambdas looks like a question about lambdas), so these cues decide first.
 */
final class ExerciseAndProgressCues {

    private static final Pattern PRACTICE_THING = Pattern.compile("(?i)\\b(?:exercises?|excer?cises?|exersices?|"
            + "practi[cs]e(?: problems?| questions?| tasks?)?|quiz(?:zes)?|challenges?|(?:coding |practice )?problems?"
            + "|tasks?|katas?|drills?|puzzles?|riddles?|homework|assignments?"
            // "something i can try", "something to code": the thing to do, without its name
            + "|something (?:(?:i|u|you) (?:can|could) |for me to |to )(?:try|do|solve|code|program|write|work on|"
            + "practi[cs]e)|test (?:me|my (?:knowledge|skills?|understanding))|(?:try|do|build|make|code|write) something (?:with|on|about|using|for)"
            // the same asks in the other languages students mix in
            + "|ejercicios?|exercices?|esercizi[oi]?|exerc[ií]cios?|übung(?:en)?|aufgaben?)\\b");
    private static final Pattern ASKING_FOR_IT = Pattern.compile("(?i)\\b(?:give|gimme|want|need|make|create|generate|"
            + "assign|send|set|another|more|next|new|(?:can|could|may) i (?:have|get|try)|i'?d like|let me|test me|"
            + "quiz me|challenge me|test my|(?:can|could|shall) we (?:do|have|try|get)|let'?s (?:do|try|practi[cs]e)|do some|something to|(?:throw|toss|hit|send|set) me|got any|(?:do|have) (?:you|u) (?:got|have)|"
            + "any (?:more|good|other)|por favor|s'il (?:te|vous) pla[iî]t|bitte)\\b"
            + "|^\\s*(?:practi[cs]e|quiz|exercises?|ejercicios?|exercices?|übung(?:en)?|aufgaben?)\\b");
    private static final Pattern NOT_A_REQUEST_FOR_PRACTICE = Pattern.compile("(?i)\\b(?:review|feedback|my (?:code|"
            + "solution|answer)|error|bug|crash|wrong|fails?|explain|what is|what's|how do(?:es)?)\\b");
    private static final Pattern MY_PROGRESS = Pattern.compile("(?i)\\bmy (?:mastery|progress|streak|score|scores|"
            + "stats|statistics|level|learning|weak(?:est)? (?:topics?|spots?|areas?)|strong(?:est)? topics?)\\b"
            + "|\\bhow (?:am i|i'?m) doing\\b|\\bam i (?:ready|on track|improving|making progress)\\b"
            // judging oneself on a topic: "am i any good at dictionaries yet", "how good am i at loops"
            + "|\\bam i (?:any |even )?good (?:enough )?at\\b|\\bhow good am i at\\b"
            // the student's own record: "which exercises did i fail", "how many lessons have i done"
            + "|^\\W*(?:which|what|how many) (?:of the )?(?:exercises?|topics?|lessons?|modules?|quiz(?:zes)?|problems?|"
            + "tasks?) (?:did|have|do|am) i\\b"
            // what to do next in the course: "what should i study next", "what should i review"
            + "|^\\W*(?:so\\s+|ok\\s+)?what (?:should|shall|do) i (?:study|learn|review|revise|practi[cs]e|focus on|work on|"
            + "do) ?(?:next|now)?\\W*$|\\bhow far (?:am i|have i (?:got|gotten|come))\\b"
            // what the student did over time: "what did i get wrong recently", "which topics have i done so far"
            + "|\\b(?:what|which|how many|how much)\\b[^?.]{0,40}\\b(?:did i|have i|i'?ve|ive)\\b[^?.]{0,30}"
            + "\\b(?:recently|lately|so far|this week|last week|this month)\\b");

    private ExerciseAndProgressCues() {
    }

    /** Whether the message asks for something to do at all (a practice word or a verb of asking). */
    static boolean asksForPractice(String message) {
        return PRACTICE_THING.matcher(message).find() || ASKING_FOR_IT.matcher(message).find();
    }

    /** A practice word and a verb asking for it: "give me an exercise", "quiz me on errors". */
    static boolean asksForPracticeInSoManyWords(String message) {
        return PRACTICE_THING.matcher(message).find() && ASKING_FOR_IT.matcher(message).find();
    }

    static Optional<Intent> of(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        if (MY_PROGRESS.matcher(message).find()) {
            return Optional.of(Intent.PROGRESS_QUESTION);
        }
        if (PRACTICE_THING.matcher(message).find() && ASKING_FOR_IT.matcher(message).find()
                && !NOT_A_REQUEST_FOR_PRACTICE.matcher(message).find()) {
            return Optional.of(Intent.EXERCISE_REQUEST);
        }
        return Optional.empty();
    }
}
