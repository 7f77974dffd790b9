package dev.learnflow.concepts;

import dev.learnflow.concepts.service.AnswerPlanner;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The student-like development sets ({@code retrieval/student-questions.tsv}, {@code retrieval/fresh-questions.tsv}:
 * short and informal questions, typos, long stories, names of keywords, builtins, methods and modules, student words
 * for concepts) and the calibration questions, through the answer planner, twice: as the student asked it,
 * and with a course topic named beside it the way triage names one (the nearest course topic, often a neighbour of
 * the one asked). Prints answered / on topic / unrelated lessons / abstentions and the misses.
 */
class StudentQuestionsTest {

    /**
     * The sets, each scored on its own: sessions 4-5's, and session 6's (written before the changes measured on it,
     * which it then guided: a check, not a hold-out), and session 8's (written before reading the retrieval code or
     * measuring anything on it).
     */
    static final List<String> SETS = List.of("student-questions.tsv", "fresh-questions.tsv", "unseen-questions.tsv");
    static Map<String, List<AnswerPlannerTest.DevQuestion>> sets = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        AnswerPlannerTest.load();
        for (String set : SETS) {
            sets.put(set, read("retrieval/" + set));
        }
    }

    static List<AnswerPlannerTest.DevQuestion> read(String resource) throws IOException {
        List<AnswerPlannerTest.DevQuestion> questions = new ArrayList<>();
        try (InputStream in = StudentQuestionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                questions.add(new AnswerPlannerTest.DevQuestion(parts[0].strip(),
                        List.of(parts[1].strip().split("\\|(?=lesson:|doc:|abstain)"))));
            }
        }
        return questions;
    }

    /** Triage's hint: the closest course topic (a lesson that is its own curriculum topic), if close at all. */
    static String courseTopicHint(String question) {
        return AnswerPlannerTest.lessons.rank(question, null).stream()
                .filter(h -> h.lesson().topicId().equals(h.lesson().curriculumTopicId()))
                .filter(h -> h.similarity() >= 0.45).findFirst()
                .map(h -> h.lesson().topicId()).orElse(null);
    }

    record Score(int answerable, int answered, int onTopic, int unrelated, int unanswerable, int abstained,
                 double p95Ms) {
    }

    static Score score(List<AnswerPlannerTest.DevQuestion> questions, boolean withHint, StringBuilder misses) {
        int answerable = 0;
        int answered = 0;
        int onTopic = 0;
        int unrelated = 0;
        int unanswerable = 0;
        int abstained = 0;
        List<Double> ms = new ArrayList<>();
        List<AnswerPlanner.Plan> plans = AnswerPlannerTest.planAll(questions, q -> {
            long t = System.nanoTime();
            AnswerPlanner.Plan planned = AnswerPlannerTest.planner.plan(q.question(),
                    withHint ? courseTopicHint(q.question()) : null);
            synchronized (ms) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
            return planned;
        });
        for (int i = 0; i < questions.size(); i++) {
            AnswerPlannerTest.DevQuestion q = questions.get(i);
            AnswerPlanner.Plan plan = plans.get(i);
            boolean right = q.expected().stream().anyMatch(e -> AnswerPlannerTest.matches(e, plan));
            if (q.kind().equals("abstain")) {
                unanswerable++;
                abstained += right ? 1 : 0;
            } else {
                answerable++;
                answered += plan instanceof AnswerPlanner.Abstain ? 0 : 1;
                onTopic += right ? 1 : 0;
                unrelated += !right && plan instanceof AnswerPlanner.LessonPlan ? 1 : 0;
            }
            if (!right) {   // the hint again only for a miss's line (the plans computed theirs)
                String hint = withHint ? courseTopicHint(q.question()) : null;
                misses.append(String.format("  %-50s hint %-18s expected %-34s got %s; key terms %s%n", q.question(), hint,
                        String.join("|", q.expected()), AnswerPlannerTest.describe(plan),
                        AnswerPlannerTest.planner.keyTermsOf(q.question())));
            }
        }
        ms.sort(null);
        return new Score(answerable, answered, onTopic, unrelated, unanswerable, abstained,
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1));
    }

    @Test
    void studentQuestionsAreAnsweredOnTheirTopicOrDeclined() throws IOException {
        Map<String, List<AnswerPlannerTest.DevQuestion>> all = new LinkedHashMap<>(sets);
        all.put("dev-questions.tsv", AnswerPlannerTest.devQuestions());
        all.values().forEach(q -> score(q, false, new StringBuilder()));   // warm the documentation vectors
        SoftAssertions soft = new SoftAssertions();   // every set's table and misses printed before any failure
        for (Map.Entry<String, List<AnswerPlannerTest.DevQuestion>> set : all.entrySet()) {
            for (boolean withHint : List.of(false, true)) {
                StringBuilder misses = new StringBuilder();
                Score s = score(set.getValue(), withHint, misses);
                System.out.printf("%n%s %s: answered %d/%d (%.1f%%), on topic %d/%d (%.1f%%), unrelated "
                                + "lessons %d, abstained %d/%d, p95 %.1f ms (two planned at once)%n%s", set.getKey(),
                        withHint ? "with triage's course topic" : "alone", s.answered(), s.answerable(),
                        100.0 * s.answered() / s.answerable(), s.onTopic(), s.answerable(),
                        100.0 * s.onTopic() / s.answerable(), s.unrelated(), s.abstained(), s.unanswerable(),
                        s.p95Ms(), misses);
                // measured (README): student-questions 185-186/202 on topic, 8 unrelated; fresh-questions 70/82,
                // 4 unrelated; every abstention right in both
                if (set.getKey().equals("student-questions.tsv")) {
                    soft.assertThat((double) s.answered() / s.answerable()).as("answered").isGreaterThanOrEqualTo(0.95);
                    soft.assertThat((double) s.onTopic() / s.answerable()).as("on topic").isGreaterThanOrEqualTo(0.9);
                    soft.assertThat(s.unrelated()).as("unrelated lessons").isLessThanOrEqualTo(9);
                    soft.assertThat(s.abstained()).as("abstentions").isEqualTo(s.unanswerable());
                }
                if (set.getKey().equals("fresh-questions.tsv")) {
                    soft.assertThat((double) s.answered() / s.answerable()).as("answered").isGreaterThanOrEqualTo(0.95);
                    soft.assertThat((double) s.onTopic() / s.answerable()).as("on topic").isGreaterThanOrEqualTo(0.78);
                    soft.assertThat(s.unrelated()).as("unrelated lessons").isLessThanOrEqualTo(10);
                    soft.assertThat(s.abstained()).as("abstentions").isEqualTo(s.unanswerable());
                }
                if (set.getKey().equals("unseen-questions.tsv")) {
                    // floors against a collapse (measured: on topic 164/163 of 196 alone / with triage's topic, 156/154
                    // before this work; unrelated lessons 13/15, 22/25 before; abstentions 22/22 and 21/22)
                    soft.assertThat((double) s.answered() / s.answerable()).as("answered").isGreaterThanOrEqualTo(0.95);
                    soft.assertThat((double) s.onTopic() / s.answerable()).as("on topic").isGreaterThanOrEqualTo(0.80);
                    soft.assertThat(s.unrelated()).as("unrelated lessons").isLessThanOrEqualTo(17);
                    soft.assertThat((double) s.abstained() / s.unanswerable()).as("abstentions").isGreaterThanOrEqualTo(0.9);
                }
            }
        }
        soft.assertAll();
    }
}
