package dev.learnflow.triage.service;

import dev.learnflow.platform.text.PatternBook;
import dev.learnflow.triage.domain.Intent;

import java.util.Optional;

/**
 * Requests that say what they want in so many words: "give me an exercise on tuples", "quiz me on loops", "what is
 * my mastery in dictionaries?". The sentence model weighs the topic words of such a message more than the request
 * around them (an exercise about lambdas looks like a question about lambdas), so these cues decide first.
 */
final class ExerciseAndProgressCues {

    /** The phrases this class looks for, kept in {@code triage/phrases/exercise-and-progress.regex}. */
    private enum Phrase { PRACTICE_THING, ASKING_FOR_IT, PRACTICE_ASKED_AS_A_VERB, PRACTICE_ASKED_AS_A_QUESTION,
        TROUBLE_WITH_OWN_WORK, GIVE_ME_PRACTICE, NOT_A_REQUEST_FOR_PRACTICE,
        MY_PROGRESS }

    private static final PatternBook<Phrase> PHRASES = PatternBook.load(
            "triage/phrases/exercise-and-progress.regex", Phrase.class);

    private ExerciseAndProgressCues() {
    }

    /** Whether the message asks for something to do at all (a practice word or a verb of asking). */
    static boolean asksForPractice(String message) {
        return PHRASES.find(Phrase.PRACTICE_THING, message) || PHRASES.find(Phrase.ASKING_FOR_IT, message)
                || PHRASES.find(Phrase.PRACTICE_ASKED_AS_A_VERB, message)
                || PHRASES.find(Phrase.PRACTICE_ASKED_AS_A_QUESTION, message);
    }

    /** A practice word and a verb asking for it: "give me an exercise", "quiz me on errors". */
    static boolean asksForPracticeInSoManyWords(String message) {
        return PHRASES.find(Phrase.PRACTICE_THING, message) && PHRASES.find(Phrase.ASKING_FOR_IT, message)
                && !reportsTroubleWithOwnWork(message);
    }

    /** "exercise 3 keeps failing", "my exercise solution times out": trouble with the student's own work. */
    private static boolean reportsTroubleWithOwnWork(String message) {
        return PHRASES.find(Phrase.TROUBLE_WITH_OWN_WORK, message);
    }

    static Optional<Intent> of(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        // "give me an exercise that shows my progress on classes", "give me something to practice error handling":
        // practice asked for in so many words at the start, whatever the words of the rest
        boolean givePractice = PHRASES.find(Phrase.GIVE_ME_PRACTICE, message) && !reportsTroubleWithOwnWork(message);
        if (givePractice) {
            return Optional.of(Intent.EXERCISE_REQUEST);
        }
        if (PHRASES.find(Phrase.MY_PROGRESS, message)
                && !(DebugSignals.asksHowTo(message) && PythonTerms.named(message))) {
            // not "how do i check my progress in a loop with print": how to do something in Python
            return Optional.of(Intent.PROGRESS_QUESTION);
        }
        boolean asked = PHRASES.find(Phrase.PRACTICE_THING, message) && PHRASES.find(Phrase.ASKING_FOR_IT, message)
                || PHRASES.find(Phrase.PRACTICE_ASKED_AS_A_VERB, message);
        boolean askedWhatThereIs = PHRASES.find(Phrase.PRACTICE_ASKED_AS_A_QUESTION, message)
                && !reportsTroubleWithOwnWork(message);
        if (askedWhatThereIs || asked && !PHRASES.find(Phrase.NOT_A_REQUEST_FOR_PRACTICE, message)) {
            return Optional.of(Intent.EXERCISE_REQUEST);
        }
        return Optional.empty();
    }
}
