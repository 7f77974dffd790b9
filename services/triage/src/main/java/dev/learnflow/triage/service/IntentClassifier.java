package dev.learnflow.triage.service;

import dev.learnflow.platform.embedding.Encoder;
import dev.learnflow.platform.text.OutputQuestions;
import dev.learnflow.platform.text.WholeSolutionRequests;
import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.Intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Offline intent classification: nearest neighbours in sentence-embedding space over the labelled examples kept in
 * {@code triage/intent-examples.tsv}. An intent's score is the mean similarity of its {@value #K} nearest examples;
 * a softmax over those scores gives the confidence. Strong signals override the embedding: a pasted Python
 * traceback, a named error, a missed expectation or a symptom of a misbehaving program is a request for debugging
 * help ({@link DebugSignals}); a question about another programming language is off-topic ({@link OffTopic}); a
 * request for practice or about one's own progress says so ({@link ExerciseAndProgressCues}).
 */
public class IntentClassifier {

    public static final String EXAMPLES_RESOURCE = "triage/intent-examples.tsv";
    static final int K = 3;
    /** Softmax temperature over cosine similarities; calibrated on the held-out set (see IntentAccuracyTest). */
    static final double TEMPERATURE = 0.04;
    /**
     * A message with no word of Python or programming whose best lane is closer than this to the off-topic examples
     * is off-topic (measured: other subjects within 0.10, Python questions that name no term 0.20 and more).
     */
    static final double NOTHING_OF_PYTHON_MARGIN = 0.12;
    static final Pattern ERROR_SIGNAL = Pattern.compile(
            "Traceback \\(most recent call last\\)|\\b[A-Z][A-Za-z]*(?:Error|Exception):\\s|\\bFile \"[^\"]+\", line \\d+");

    private final Encoder encoder;
    private final List<Example> examples;
    private final double minConfidence;
    private final double minSimilarity;

    record Example(Intent intent, String text, float[] vector) {
    }

    /** A labelled sentence of the example set. */
    public record Labelled(Intent intent, String text) {
    }

    public IntentClassifier(Encoder encoder, List<Labelled> labelled, double minConfidence, double minSimilarity) {
        this.encoder = encoder;
        this.minConfidence = minConfidence;
        this.minSimilarity = minSimilarity;
        this.examples = labelled.stream()
                .map(l -> new Example(l.intent(), l.text(), Encoder.normalize(encoder.encode(l.text()))))
                .toList();
    }

    /** Words of a bare request for help. */
    private static final java.util.Set<String> HELP_WORDS = java.util.Set.of("help", "helpp", "halp", "me", "with",
            "this", "that", "it", "pls", "plz", "please", "asap", "urgent", "urgently", "now", "quick", "quickly",
            "can", "could", "you", "u", "i", "need", "needs", "someone", "anyone", "somebody", "sos", "stuck", "hey",
            "hi", "hello", "im", "i'm", "so", "really", "here", "out", "some", "a", "bit", "of", "little",
            "fix", "solve", "check", "debug", "look", "at", "over");

    public Classification classify(String question, String code) {
        return classify(question, code, embed(question));
    }

    /** The question's sentence vector as {@link #classify} compares it (other steps may reuse it). */
    public float[] embed(String question) {
        String text = question == null ? "" : question.strip();
        return Encoder.normalize(encoder.encode(text.length() > 1_000 ? text.substring(0, 1_000) : text));
    }

    /** @param vector the question's {@link #embed} */
    public Classification classify(String question, String code, float[] vector) {
        String text = question == null ? "" : question.strip();
        // a quoted error asked about in general ("i see TypeError: ... all the time, what usually causes it") is
        // no failure of the student's
        boolean errorSignal = ERROR_SIGNAL.matcher(text).find() && !DebugSignals.askedInGeneral(text);
        Map<Intent, double[]> nearest = new EnumMap<>(Intent.class);
        for (Intent intent : Intent.values()) {
            double[] top = new double[K];
            Arrays.fill(top, -1);
            nearest.put(intent, top);
        }
        for (Example example : examples) {
            double similarity = Encoder.cosine(vector, example.vector());
            double[] top = nearest.get(example.intent());
            int lowest = 0;
            for (int i = 1; i < K; i++) {
                if (top[i] < top[lowest]) {
                    lowest = i;
                }
            }
            if (similarity > top[lowest]) {
                top[lowest] = similarity;
            }
        }
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        nearest.forEach((intent, top) -> scores.put(intent, Arrays.stream(top).filter(s -> s > -1).average().orElse(0)));
        boolean hasCode = code != null && !code.isBlank();
        Optional<DebugSignals.Kind> debugSignal = DebugSignals.of(text, hasCode);
        boolean errorNamed = errorSignal || debugSignal
                .filter(k -> k == DebugSignals.Kind.ERROR_NAMED || k == DebugSignals.Kind.ERROR_MESSAGE).isPresent();
        Optional<Intent> cue = ExerciseAndProgressCues.of(text);
        boolean ownRecord = !hasCode && !errorNamed && cue.filter(c -> c == Intent.PROGRESS_QUESTION).isPresent();
        if (!ownRecord && !hasCode && !errorNamed && (OffTopic.personalLife(text) || OffTopic.otherTool(text)
                || OffTopic.notTheLanguage(text))) {
            // "my crush ignored me and now i can't even code": the student's life, not a program of theirs (nor
            // "do pythons lay eggs": the snake)
            return new Classification(Intent.OFF_TOPIC, 1.0, scores, true, "signal");
        }
        boolean otherLanguage = OffTopic.otherLanguage(text).isPresent();
        // "my java homework throws a NullPointerException": an error of that language is no Python error
        if (!hasCode && otherLanguage && (!errorNamed || DebugSignals.namesOnlyForeignErrors(text))) {
            // "how does let differ from var in JS? my JS teacher explained it too fast": another language, whatever
            // words of trouble come with it
            return new Classification(Intent.OFF_TOPIC, 1.0, scores, true, "signal");
        }
        if (!hasCode && !errorNamed && WholeSolutionRequests.asks(text.toLowerCase(java.util.Locale.ROOT))) {
            // "just give me the whole code for my project so i can submit it": no code to review; the concepts lane
            // declines it and says what the tutor will do instead
            return new Classification(Intent.CONCEPT_EXPLANATION, 1.0, scores, true, "signal");
        }
        if (ownRecord) {
            // "is recursion still one of my weak spots?": the student's own record, not a program of theirs
            return new Classification(Intent.PROGRESS_QUESTION, 1.0, scores, true, "signal");
        }
        if (hasCode && !errorNamed && (OutputQuestions.onlyAsksWhatCodeGives(text)
                || OutputQuestions.onlyAsksWhatCodeGives(text, code))) {
            // "what is the output of 2 ** 3 ** 2", "quiz: evaluate not [] or 0", "predict the output", "what is count
            // at the end": what the shown code gives is asked,
            // which concepts answers with its run (no program of theirs fails, and no exercise is asked for)
            return new Classification(Intent.CONCEPT_EXPLANATION, 1.0, scores, true, "signal");
        }
        if (hasCode && !errorNamed && !ReviewCues.asksForAnOpinion(text)
                && ShownCodeQuestions.asksHowPythonTreatsIt(text, code)) {
            // "what does [::-1] do", "how does this swap without a temp variable" beside code that shows it: how Python
            // treats the code is asked (concepts explains it with the code's run)
            return new Classification(Intent.CONCEPT_EXPLANATION, 1.0, scores, true, "signal");
        }
        if (errorSignal || debugSignal.isPresent()) {
            return new Classification(Intent.DEBUG_HELP, 1.0, scores, true, "signal");
        }
        if (otherLanguage) {
            return new Classification(Intent.OFF_TOPIC, 1.0, scores, true, "signal");
        }
        if (cue.isPresent() && !hasCode && OffTopic.otherSubjectNamed(text)) {
            // "quiz me on world capitals", "give me a math problem": practice, but not of programming.
            return new Classification(Intent.OFF_TOPIC, 1.0, scores, true, "signal");
        }
        // "I finished the bank account exercise and it passes. Does my structure make sense?" with the code: an
        // opinion on work that does what it should
        boolean reviewOfShownWork = hasCode && cue.filter(c -> c == Intent.EXERCISE_REQUEST).isPresent()
                && ReviewCues.asksForAnOpinion(text) && DebugSignals.saysItWorks(text);
        // "is this good code? its my grade calculator": with code shown, words of one's record describe the code
        boolean recordWordsAroundCode = hasCode && cue.filter(c -> c == Intent.PROGRESS_QUESTION).isPresent();
        if (cue.isPresent() && !reviewOfShownWork && !recordWordsAroundCode) {
            return new Classification(cue.get(), 1.0, scores, true, "signal");
        }
        if (!hasCode && DebugSignals.disclaimsABug(text)) {
            // "what happens when i write b = a? nothing is broken, just trying to understand the theory"
            return new Classification(Intent.CONCEPT_EXPLANATION, 1.0, scores, true, "signal");
        }
        if (!hasCode && DebugSignals.askedInGeneral(text) && DebugSignals.namesAnError(text)) {
            // "not asking about my code, why do you get a ZeroDivisionError at all": the error as a rule of Python
            return new Classification(Intent.CONCEPT_EXPLANATION, 1.0, scores, true, "signal");
        }
        if (!hasCode && ReviewCues.asksAboutAPractice(text) && !DebugSignals.saysItWorks(text)
                && !PythonTerms.aboutOwnProgram(text)) {
            // "is it bad to just write except: with nothing after it?": a way of writing Python asked about in
            // general; explaining it answers, a review would only ask for code ("is using global like this bad
            // practice? everything works" is about a program of theirs: the review asks for it)
            return new Classification(Intent.CONCEPT_EXPLANATION, 1.0, scores, true, "signal");
        }
        if (hasCode && ReviewCues.asksForAnOpinion(text)) {
            // Code shown and an opinion asked for: a review, whatever the code's own words remind the model of.
            return new Classification(Intent.CODE_REVIEW, 1.0, scores, true, "signal");
        }
        if (hasCode && ReviewCues.asksWhatItDoes(text)) {
            // Code shown and asked what it does: an explanation of that code (concepts traces it).
            return new Classification(Intent.CONCEPT_EXPLANATION, 1.0, scores, true, "signal");
        }
        if (hasCode && DebugSignals.saysItWorks(text)) {
            // Code shown that works, by the student's word ("it works but feels long"): what is left to ask is how
            // it is written.
            return new Classification(Intent.CODE_REVIEW, 1.0, scores, true, "signal");
        }
        if (hasCode && DebugSignals.misbehavesInShownProgram(text)) {
            // The shown code is the student's program, and the words around it say it misbehaves.
            return new Classification(Intent.DEBUG_HELP, 1.0, scores, true, "signal");
        }
        if (!hasCode && DebugSignals.saysItWorks(text) && ReviewCues.asksForAnOpinion(text)) {
            // "the functions version already works, is a class better style?": a review of work not pasted yet
            return new Classification(Intent.CODE_REVIEW, 1.0, scores, true, "signal");
        }
        if (!hasCode && DebugSignals.inputAsText(text)) {
            // "why does input() give me a string": how input works, answered as a concept when no program is shown.
            return new Classification(Intent.CONCEPT_EXPLANATION, 1.0, scores, true, "python-terms");
        }
        if (!hasCode && (OffTopic.otherSubject(text) || OffTopic.social(text) || OffTopic.mathsQuestion(text))) {
            return new Classification(Intent.OFF_TOPIC, 1.0, scores, true, "signal");
        }
        Intent best = Intent.OFF_TOPIC;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Intent, Double> e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        double sum = 0;
        for (double score : scores.values()) {
            sum += Math.exp((score - bestScore) / TEMPERATURE);
        }
        double confidence = 1.0 / sum;
        // Far from every Python intent is itself the off-topic signal; for the others, too far means "unsure".
        boolean confident = confidence >= minConfidence && (bestScore >= minSimilarity || best == Intent.OFF_TOPIC);
        if (!hasCode && onlyAsksForHelp(text)) {
            // "help me with this", "pls help asap": help asked for with nothing yet to help with. Ask what it is
            // about (an explanation, or an error in their code: the two helps asked for most) rather than decline it
            // as another subject or offer what the sentence model happens to hear in "help".
            Map<Intent, Double> between = new EnumMap<>(Intent.class);
            for (Intent intent : Intent.values()) {
                between.put(intent, intent == Intent.CONCEPT_EXPLANATION ? 1.0 : intent == Intent.DEBUG_HELP ? 0.5 : 0.0);
            }
            return new Classification(Intent.CONCEPT_EXPLANATION, 0.5, between, false, "embedding");
        }
        // "explain the difference between a bug and an error": a trouble word in a definition is no program of theirs
        boolean ownProgram = PythonTerms.aboutOwnProgram(text) && (hasCode || !DebugSignals.definitionAsked(text));
        // "the turtle window opens and closes immediately" names a Python module, but tells of a misbehaving program
        // ("why do people say python is slow" asks about Python).
        boolean toldMisbehaving = !hasCode && DebugSignals.misbehaves(text) && !PythonTerms.asksHowOrWhat(text);
        boolean pythonQuestion = PythonTerms.named(text) && !ownProgram && !toldMisbehaving;
        // What the sentence model mistakes for another lane: "abs function" looks like a bug report to it, "max and
        // min with a key" like a request for practice, "filter function python" like a review request.
        boolean mistaken = switch (best) {
            case DEBUG_HELP -> !hasCode;   // with code shown, the model hearing a bug report is evidence, not noise
            case OFF_TOPIC -> true;
            case EXERCISE_REQUEST -> !ExerciseAndProgressCues.asksForPractice(text) || PythonTerms.asksHowOrWhat(text);
            case CODE_REVIEW -> !hasCode && !PythonTerms.asksForReview(text) && !ReviewCues.asksForAnOpinion(text);
            default -> false;
        };
        if (pythonQuestion && (!confident || mistaken)) {
            // A message naming Python's own terms, without a debug signal or a request for practice: answer it.
            return new Classification(Intent.CONCEPT_EXPLANATION, confidence, scores, true, "python-terms");
        }
        if (hasCode && (best == Intent.EXERCISE_REQUEST || best == Intent.PROGRESS_QUESTION
                || best == Intent.OFF_TOPIC)) {
            // Code came with the message, and no practice or progress cue above: it is about that code. Its own
            // program said in so many words ("my loop ...") is a debugging request; otherwise the nearest code lane.
            Intent codeLane = ownProgram ? Intent.DEBUG_HELP : nearestOf(scores, Intent.DEBUG_HELP,
                    Intent.CODE_REVIEW, Intent.CONCEPT_EXPLANATION);
            return new Classification(codeLane, confidence, scores, ownProgram || confident, "embedding");
        }
        if (best == Intent.DEBUG_HELP && !hasCode && DebugSignals.asksHowTo(text)) {
            // "how do i make my program wait for 2 seconds": no error or symptom was named (those are signals above),
            // the student asks how to do something. Asked about a program or in Python's words it is settled (see the
            // unsure how-to below); otherwise only the lane changes and an unsure reading stays unsure.
            return new Classification(Intent.CONCEPT_EXPLANATION, confidence, scores,
                    confident || PythonTerms.named(text) || OffTopic.aboutProgramming(text), "embedding");
        }
        if (best == Intent.DEBUG_HELP && !hasCode && !ownProgram && !DebugSignals.mentionsOwnWork(text)
                && PythonTerms.asksHowOrWhat(text)) {
            // The model hears a bug report, but nothing in the message is the student's program and no symptom or
            // error is named (those are signals above): "why isn't 0.1 + 0.2 equal to 0.3" asks how Python works.
            // Only the lane changes: an unsure reading stays unsure (a clarification, or the LLM's turn).
            return new Classification(Intent.CONCEPT_EXPLANATION, confidence, scores, confident, "embedding");
        }
        if (!confident && !hasCode && PythonTerms.asksForReview(text)
                && (ownProgram || best == Intent.CODE_REVIEW || classificationRunnerUp(scores, best) == Intent.CODE_REVIEW)) {
            // Unsure, but asking for a review in so many words ("look over my class"): the review lane asks for the
            // code and says what a review checks.
            return new Classification(Intent.CODE_REVIEW, confidence, scores, true, "embedding");
        }
        if (!confident && !hasCode && DebugSignals.misbehaves(text)) {
            // Unsure, but the words are those of a program misbehaving ("the turtle window opens and closes
            // immediately"): a symptom without code is answered (issue 17), not asked back.
            return new Classification(Intent.DEBUG_HELP, confidence, scores, true, "embedding");
        }
        if (!confident && ownProgram && !hasCode && OffTopic.aboutProgramming(text)) {
            // Unsure, but the student's own program is the subject ("my code is broken"): help with it.
            return new Classification(Intent.DEBUG_HELP, confidence, scores, true, "embedding");
        }
        if (best == Intent.EXERCISE_REQUEST && !hasCode && DebugSignals.misbehaves(text)) {
            // "exercise 3 keeps failing": the practice word names the student's work, the rest says it misbehaves.
            return new Classification(Intent.DEBUG_HELP, confidence, scores, true, "embedding");
        }
        if (best == Intent.EXERCISE_REQUEST && !hasCode && PythonTerms.asksForReview(text)
                && DebugSignals.mentionsOwnWork(text)) {
            // "can you review my exercise": a review of the student's work (the review lane asks for the code).
            return new Classification(Intent.CODE_REVIEW, confidence, scores, true, "embedding");
        }
        if (best == Intent.EXERCISE_REQUEST && !hasCode
                && (!ExerciseAndProgressCues.asksForPractice(text) || OffTopic.otherSubjectNamed(text))
                && !PythonTerms.named(text) && !OffTopic.aboutProgramming(text)) {
            // "how do i get better at chess": sounds like practice, but neither practice nor programming is asked.
            return new Classification(Intent.OFF_TOPIC, confidence, scores, confident, "embedding");
        }
        if (!hasCode && best != Intent.OFF_TOPIC && !PythonTerms.named(text) && !OffTopic.aboutProgramming(text)
                && (best == Intent.CONCEPT_EXPLANATION || best == Intent.DEBUG_HELP)
                && scores.get(best) - scores.get(Intent.OFF_TOPIC) < NOTHING_OF_PYTHON_MARGIN
                && !DebugSignals.mentionsOwnWork(text)) {
            // No word of Python or programming, and the off-topic examples nearly as close as the best lane: the
            // model only hears "explain ..." in "explain how a car engine works". Decline politely.
            return new Classification(Intent.OFF_TOPIC, confidence, scores, true, "embedding");
        }
        if (!confident && !hasCode && best == Intent.CONCEPT_EXPLANATION && PythonTerms.asksHowOrWhat(text)
                && scores.get(best) - scores.get(Intent.OFF_TOPIC) >= NOTHING_OF_PYTHON_MARGIN) {
            // Unsure only between an explanation and off-topic, and clearly nearer the explanations: "how do i count
            // how many times a word appears in a text" asks how to do it in Python.
            return new Classification(best, confidence, scores, true, "embedding");
        }
        if (!confident && !hasCode && DebugSignals.asksHowTo(text)
                && (PythonTerms.named(text) || OffTopic.aboutProgramming(text))) {
            // Unsure, but asking how to do something with a program or in Python: "how do i exit a program early".
            return new Classification(Intent.CONCEPT_EXPLANATION, confidence, scores, true, "embedding");
        }
        if (!confident && best == Intent.OFF_TOPIC && !PythonTerms.named(text) && !hasCode) {
            // Nothing of Python in it and nearest to the off-topic examples: decline politely rather than ask.
            return new Classification(best, confidence, scores, true, "embedding");
        }
        return new Classification(best, confidence, scores, confident, "embedding");
    }

    /** Whether every word only asks for help ("pls help me with this asap"), naming nothing to help with. */
    static boolean onlyAsksForHelp(String text) {
        String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^a-z']+");
        boolean help = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (!HELP_WORDS.contains(word)) {
                return false;
            }
            help |= word.startsWith("help") || word.equals("sos") || word.equals("stuck") || word.equals("fix")
                    || word.equals("solve") || word.equals("check") || word.equals("debug") || word.equals("look");
        }
        return help;
    }

    private static Intent classificationRunnerUp(Map<Intent, Double> scores, Intent best) {
        return new Classification(best, 0, scores, false, "embedding").runnerUp();
    }

    private static Intent nearestOf(Map<Intent, Double> scores, Intent... lanes) {
        Intent nearest = lanes[0];
        for (Intent lane : lanes) {
            if (scores.get(lane) > scores.get(nearest)) {
                nearest = lane;
            }
        }
        return nearest;
    }

    public int exampleCount() {
        return examples.size();
    }

    /** Reads {@code intent<TAB>text} lines; {@code #} starts a comment. */
    public static List<Labelled> readExamples(InputStream in) {
        List<Labelled> labelled = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("line " + number + ": expected intent<TAB>text");
                }
                int lineNumber = number;
                Intent intent = Intent.fromLabel(parts[0]).orElseThrow(
                        () -> new IllegalArgumentException("line " + lineNumber + ": unknown intent " + parts[0]));
                labelled.add(new Labelled(intent, parts[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labelled;
    }
}
