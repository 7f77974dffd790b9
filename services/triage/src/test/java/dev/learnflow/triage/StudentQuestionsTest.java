package dev.learnflow.triage;

import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.Intent;
import dev.learnflow.triage.service.InlineCode;
import dev.learnflow.triage.service.IntentClassifier;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lane each question of the student-like development set ({@code student-questions.tsv}: short, informal,
 * typos, names of keywords and builtins, error names without code, inline code) gets, as the router decides it:
 * code typed into the question is split off first, an unsure classification is a clarifying question. Prints the
 * right-lane rate per intent and the misses.
 */
class StudentQuestionsTest {

    static final IntentClassifier classifier = DevSets.offlineClassifier();
    static final List<IntentClassifier.Labelled> examples = DevSets.examples();
    static final List<IntentClassifier.Labelled> questions = devSet("student-questions.tsv");
    /** Written for triage-lane6 in batches, each measured on fresh wording before it was tuned on (README). */
    static final List<IntentClassifier.Labelled> unseenWording = devSet("student-messages-unseen-wording.tsv");

    /** Session 21: sets a, b, d and f were tuned on, c, e and g are the hold-outs (README). */
    static final List<IntentClassifier.Labelled> fresh21Tuned = java.util.stream.Stream.of("intent-fresh21.tsv",
            "intent-fresh21b.tsv", "intent-fresh21d.tsv", "intent-fresh21f.tsv").flatMap(set -> devSet(set).stream())
            .toList();
    static final List<IntentClassifier.Labelled> fresh21HoldOut = java.util.stream.Stream.of("intent-fresh21c.tsv",
            "intent-fresh21e.tsv", "intent-fresh21g.tsv").flatMap(set -> devSet(set).stream()).toList();

    /** A development set whose texts write a line break as {@code \\n}. */
    private static List<IntentClassifier.Labelled> devSet(String resource) {
        return DevSets.labelled(resource).stream()
                .map(q -> new IntentClassifier.Labelled(q.intent(), q.text().replace("\\n", "\n"))).toList();
    }

    /** What the router does with the question: the lane label, or "clarification" when unsure. */
    static String lane(String question) {
        InlineCode.Split split = InlineCode.extract(question);
        Classification c = classifier.classify(split.code().isPresent() ? split.prose() : question,
                split.code().orElse(null));
        return c.confident() ? c.intent().label() : "clarification";
    }

    @Test
    void theDevelopmentSetIsLargeVariedAndNotInTheExamples() {
        Set<String> known = new HashSet<>();
        examples.forEach(e -> known.add(e.text().toLowerCase()));
        assertThat(questions).hasSizeGreaterThanOrEqualTo(200)
                .noneMatch(q -> known.contains(q.text().toLowerCase()));
        assertThat(unseenWording).hasSizeGreaterThanOrEqualTo(300)
                .noneMatch(q -> known.contains(q.text().toLowerCase()));
        for (Intent intent : Intent.values()) {
            assertThat(questions).as(intent.label()).filteredOn(q -> q.intent() == intent).hasSizeGreaterThanOrEqualTo(8);
            assertThat(unseenWording).as(intent.label()).filteredOn(q -> q.intent() == intent)
                    .hasSizeGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void plausiblePythonQuestionsGetTheirLaneNotAClarification() {
        int[] result = report("Student questions", questions);
        // measured on 289: 99.3 %, 1 clarification (97.6 % and 4 before triage-lane6; 88.9 % and 10 before code in
        // the message and prose bug reports decided the lane; 73.7 % and 28 on the first 217; README)
        assertThat((double) result[1] / result[0]).as("right lane").isGreaterThanOrEqualTo(0.97);
        assertThat(result[2]).as("clarifying questions").isLessThanOrEqualTo(2);
    }

    @Test
    void messagesInWordingTheRulesWereNotWrittenForGetTheirLane() {
        int[] result = report("Student messages, unseen wording", unseenWording);
        // measured on 375: 98.4 %, 0 clarifications (80.3 % and 16 before triage-lane6; README)
        assertThat((double) result[1] / result[0]).as("right lane").isGreaterThanOrEqualTo(0.97);
        assertThat(result[2]).as("clarifying questions").isLessThanOrEqualTo(2);
    }

    @Test
    void freshSetsWrittenWithoutSeeingTheRouterGetTheirLane() {
        int[] tuned = report("Session 21 sets a, b, d and f (tuned on)", fresh21Tuned);
        int[] holdOut = report("Session 21 sets c, e and g (hold-outs)", fresh21HoldOut);
        // measured (README): a+b+d+f 781 -> 896 of 921 (84.8 % -> 97.3 %); c+e+g, never tuned on, 594 -> 633 of 685
        // (86.7 % -> 92.4 %)
        assertThat((double) tuned[1] / tuned[0]).as("right lane, tuned sets").isGreaterThanOrEqualTo(0.96);
        assertThat((double) holdOut[1] / holdOut[0]).as("right lane, hold-outs").isGreaterThanOrEqualTo(0.91);
    }

    /**
     * A blind set of one session, two lines of every three tuned on ({@code intent-fresh<N>.tsv}) and every third
     * the hold-out ({@code intent-fresh<N>-holdout.tsv}, never tuned on, its misses never printed; README): each
     * part must keep its right-lane share.
     */
    private static void assertBlindSet(int session, double tunedBar, double holdOutBar) {
        int[] tuned = report("Session " + session + " (tuned on)", devSet("intent-fresh" + session + ".tsv"));
        int[] holdOut = report("Session " + session + " hold-out (never tuned on, misses not shown)",
                devSet("intent-fresh" + session + "-holdout.tsv"), false);
        assertThat((double) tuned[1] / tuned[0]).as("right lane, tuned part").isGreaterThanOrEqualTo(tunedBar);
        assertThat((double) holdOut[1] / holdOut[0]).as("right lane, hold-out").isGreaterThanOrEqualTo(holdOutBar);
    }

    @Test
    void session26BlindSetGetsItsLane() {
        // measured (README): tuned part 126 -> 140 of 148 (85.1 % -> 94.6 %); hold-out 56 -> 57 of 74 (75.7 % ->
        // 77.0 %): most of what this set gets wrong is ambiguous between two lanes or told only through the code
        assertBlindSet(26, 0.94, 0.76);
    }

    @Test
    void session27BlindSetGetsItsLane() {
        // measured (README): tuned part 136 -> 148 of 154 (88.3 % -> 96.1 %); hold-out 63 of 77 (81.8 %) before and
        // after: what the tuned part taught did not reach the hold-out's misses
        assertBlindSet(27, 0.96, 0.81);
    }

    @Test
    void recordsDisclaimedBugsWorkingCodeAndOtherLanguagesErrorsGetTheirLane() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        // the student's record, whatever else the message says (the wifi is no off-topic subject here)
        expected.put("my wifi dropped halfway, did i pass the loops quiz?", "progress_question");
        expected.put("did my last quiz count as completed?", "progress_question");
        expected.put("which lessons haven't i finished", "progress_question");
        expected.put("is there a pattern in my mistakes?", "progress_question");
        expected.put("what do i get wrong most often", "progress_question");
        // no bug, in so many words
        expected.put("what happens when i write b = a with a list? nothing is broken, just trying to understand it",
                "concept_explanation");
        expected.put("my code is fine rn, i just want to understand why people avoid global variables",
                "concept_explanation");
        // working code shown and an opinion asked, also when it was an exercise
        expected.put("my code is working but it feels way too long\ndef double(xs):\n    out = []\n    for x in xs:\n"
                + "        out.append(x * 2)\n    return out", "code_review");
        expected.put("I finished the exercise and it passes, does my naming make sense?\ndef f(a):\n    return a * 2",
                "code_review");
        // one cell changed and more moved; a sum printed as text
        expected.put("row = [[0] * 2] * 2\nrow[0][0] = 5\nprint(row)\ni only changed one cell, why did the whole "
                + "column change", "debug_help");
        expected.put("when i type 1.5 and 2.5 it prints 1.52.5 instead of adding them, the numbers come from input()",
                "debug_help");
        // another language's program and its errors; the snake
        expected.put("my c# homework throws a NullPointerException and i dont get why", "off_topic");
        expected.put("can a python swallow a whole cow?", "off_topic");
        expected.put("my python script throws a KeyError", "debug_help");
        expected.forEach((message, lane) -> assertThat(lane(message.replace("\\n", "\n"))).as(message).isEqualTo(lane));
    }

    @Test
    void practiceAskedInSoManyWordsProgressRecordsReviewsAndTheSnakeGetTheirLane() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        // practice asked for at the start, whatever the rest says (progress, errors, a review)
        expected.put("give me a quiz that checks my progress on loops", "exercise_request");
        expected.put("can you give me a bug hunting exercise with a wrong loop", "exercise_request");
        expected.put("gimme something to practice exceptions where the input is wrong", "exercise_request");
        expected.put("an exercise on dictionaries, medium difficulty", "exercise_request");
        // the student's own record
        expected.put("which lessons have i left unfinished", "progress_question");
        expected.put("show me the exercises i skipped", "progress_question");
        expected.put("is my recursion getting better?", "progress_question");
        // code shown and an opinion asked for
        expected.put("could this be a one-liner?\nresult = []\nfor x in xs:\n    result.append(x * 2)", "code_review");
        expected.put("does my function name make sense?\ndef calc(x):\n    return x * x", "code_review");
        expected.put("my code is correct (the grader gave 10/10) but how would a pro write it?\ndef biggest(xs):\n"
                + "    m = xs[0]\n    for x in xs:\n        if x > m:\n            m = x\n    return m", "code_review");
        // the snake and the comedians, but not a snake game or snake case
        expected.put("are ball pythons good pets", "off_topic");
        expected.put("best monty python movie?", "off_topic");
        expected.put("what is snake case in python", "concept_explanation");
        expected.put("my pygame snake game freezes as soon as the window opens", "debug_help");
        // what came out against what was meant, said beside the code (or after the call on its line)
        expected.put("nums = [3, 1, 2]\\nnums = nums.sort()\\nprint(nums)\\nexpected [1, 2, 3], got None", "debug_help");
        expected.put("def greet(name, seen=[]):\\n    seen.append(name)\\n    return seen\\nI expected a fresh list every call",
                "debug_help");
        expected.put("board = [[' '] * 3] * 3\\nboard[1][1] = 'O'\\nprint(board)\\nwhy did it put O in every row", "debug_help");
        expected.put("def area(w, h):\\n    return w + h\\nprint(area(2, 5)) gives 7 instead of 10", "debug_help");
        // two errors compared, or what a traceback is: Python's errors, not one the student met
        expected.put("is TypeError the same thing as ValueError?", "concept_explanation");
        expected.put("ZeroDivisionError vs ValueError, when do you get which", "concept_explanation");
        expected.put("what is a traceback and how do i read it", "concept_explanation");
        expected.put("in what situations would a RecursionError happen? i don't have one now", "concept_explanation");
        expected.put("my code gives a TypeError or a ValueError, not sure which, when i type letters", "debug_help");
        expected.forEach((message, lane) -> assertThat(lane(message.replace("\\n", "\n"))).as(message).isEqualTo(lane));
    }

    /** Prints the right-lane table per intent and the misses; returns total, right and clarified. */
    private static int[] report(String name, List<IntentClassifier.Labelled> set) {
        return report(name, set, true);
    }

    /** As {@link #report(String, List)}; a hold-out's misses are never printed (nobody tunes on them). */
    private static int[] report(String name, List<IntentClassifier.Labelled> set, boolean showMisses) {
        Map<String, int[]> perIntent = new TreeMap<>();   // [total, right, clarified]
        StringBuilder misses = new StringBuilder();
        for (IntentClassifier.Labelled q : set) {
            String lane = lane(q.text());
            int[] c = perIntent.computeIfAbsent(q.intent().label(), k -> new int[3]);
            c[0]++;
            c[1] += lane.equals(q.intent().label()) ? 1 : 0;
            c[2] += lane.equals("clarification") ? 1 : 0;
            if (showMisses && !lane.equals(q.intent().label())) {
                misses.append(String.format("  %-20s -> %-20s %s%n", q.intent().label(), lane,
                        q.text().replace("\n", "⏎")));
            }
        }
        int total = 0;
        int right = 0;
        int clarified = 0;
        StringBuilder table = new StringBuilder(String.format("%n%s, right lane%n%-20s %5s %8s %13s%n", name,
                "intent", "n", "right", "clarified"));
        for (Map.Entry<String, int[]> e : perIntent.entrySet()) {
            int[] c = e.getValue();
            table.append(String.format("%-20s %5d %7.1f%% %12d%n", e.getKey(), c[0], 100.0 * c[1] / c[0], c[2]));
            total += c[0];
            right += c[1];
            clarified += c[2];
        }
        table.append(String.format("%-20s %5d %7.1f%% %12d%n", "all", total, 100.0 * right / total, clarified));
        System.out.println(table + "misses:\n" + misses);
        return new int[] {total, right, clarified};
    }
}
