package dev.learnflow.bench.tutor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.bench.tutor.LabelledSets.Case;
import dev.learnflow.bench.tutor.LabelledSets.Program;
import dev.learnflow.bench.tutor.LabelledSets.Question;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks the scoring without a mesh ({@code run.sh --self-check}): answers made from the labels the way the contract
 * describes them must score right on every measure, and answers that are wrong in one respect (other line, other
 * category, a leaked corrected line, an unrelated lesson, a clarification) must score wrong on exactly that measure.
 */
public final class ScoringSelfCheck {

    private static int failures;

    public static void main(String[] args) throws Exception {
        Path data = Path.of("bench/tutor/data");
        List<Program> programs = LabelledSets.programs(data.resolve("wrong-programs.json"));
        List<Question> questions = LabelledSets.questions(data.resolve("questions.tsv"));
        Map<String, List<String>> topics = LabelledSets.topicWords(data.resolve("topics.json"));
        for (Program p : programs) {
            Case failing = p.failingCases().get(0);
            JsonNode good = debugAnswer(failing, p.bugLines().get(0), p.category(), "Look at what the loop does on "
                    + "its last pass.");
            DebugJudge.Verdict v = DebugJudge.judge(p, List.of(good, good, good));
            expect(v.caseFound() && v.firstRight() && v.top3Right() && v.categoryRight() && v.leaks().isEmpty(),
                    p.id() + ": a right answer scores right " + v);
            int otherLine = p.bugLines().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            JsonNode wrong = debugAnswer(new Case("other()", null, "1", true), otherLine, "wrong_operator",
                    "Change it to: " + (p.fixedOnlyLines().isEmpty() ? "" : p.fixedOnlyLines().get(0)));
            v = DebugJudge.judge(p, List.of(wrong, wrong, wrong));
            boolean leakable = !p.fixedOnlyLines().isEmpty()
                    && p.fixedOnlyLines().get(0).replaceAll("\\s+", "").length() >= 6;
            expect(!v.caseFound() && !v.firstRight() && !v.top3Right()
                            && (p.category().equals("wrong_operator") || !v.categoryRight())
                            && (!leakable || v.leaks().size() == 3),
                    p.id() + ": a wrong answer scores wrong " + v);
        }
        for (Question q : questions) {
            ObjectNode right = Student.JSON.createObjectNode();
            ObjectNode data0 = right.putObject("data");
            switch (q.expect()) {
                case "answer" -> {
                    right.put("kind", Map.of("concept_explanation", "concept", "debug_help", "debug",
                            "code_review", "review", "exercise_request", "exercise", "progress_question", "progress",
                            "off_topic", "off_topic").get(q.intent()));
                    right.put("text", "A full answer. ".repeat(50));
                    if (QuestionJudge.isTopicScored(q)) {
                        data0.put("topicId", topics.get(q.topic()).get(0).replace(' ', '-'));
                    }
                }
                case "clarify" -> {
                    right.put("kind", "clarification");
                    right.put("text", "Send the code; a review checks naming, structure and idioms.");
                    data0.put("needs", "code");
                }
                default -> {
                    right.put("kind", q.expect().equals("decline") ? "off_topic" : "concept");
                    right.put("text", "I can't answer that well. Nearest topics: lists, loops.");
                }
            }
            QuestionJudge.Verdict v = QuestionJudge.judge(q, right, topics);
            expect(Boolean.TRUE.equals(v.rightLane()) && !Boolean.FALSE.equals(v.answeredWithoutDeferring())
                    && !Boolean.FALSE.equals(v.onTopic()) && !v.unrelatedLesson()
                    && !Boolean.FALSE.equals(v.correctAbstention()), q.id() + ": a right answer scores right " + v);
            if (QuestionJudge.isTopicScored(q)) {
                ObjectNode off = right.deepCopy();
                ((ObjectNode) off.path("data")).put("topicId", "zzz-unrelated");
                v = QuestionJudge.judge(q, off, topics);
                expect(Boolean.FALSE.equals(v.onTopic()) && v.unrelatedLesson(), q.id() + ": unrelated lesson " + v);
            }
            if (!q.answerable()) {
                ObjectNode lesson = Student.JSON.createObjectNode().put("kind", "concept").put("text", "A lesson.");
                lesson.putObject("data").put("topicId", "for-loops").put("title", "For loops");
                v = QuestionJudge.judge(q, lesson, topics);
                expect(!v.correctAbstention() && v.unrelatedLesson(), q.id() + ": a lesson is not an abstention");
            } else if (q.expect().equals("answer")) {
                ObjectNode ask = Student.JSON.createObjectNode().put("kind", "debug")
                        .put("text", "Paste your code and the error message.");
                v = QuestionJudge.judge(q, ask, topics);
                expect(!v.answeredWithoutDeferring(), q.id() + ": 'paste your code' is deferring");
            }
        }
        System.out.println(failures == 0 ? "scoring self-check passed (" + programs.size() + " programs, "
                + questions.size() + " questions)" : failures + " scoring self-check failures");
        System.exit(failures == 0 ? 0 : 1);
    }

    private static JsonNode debugAnswer(Case failing, int line, String category, String hint) {
        ObjectNode a = Student.JSON.createObjectNode().put("kind", "debug").put("text", hint);
        ObjectNode data = a.putObject("data");
        data.putArray("hints").addObject().put("level", 1).put("text", hint);
        ObjectNode d = data.putObject("diagnosis").put("kind", "wrong_result").put("category", category);
        d.putObject("failingCase").put("call", failing.call()).put("stdin", failing.stdin())
                .put("expected", failing.expected());
        d.putArray("suspiciousLines").addObject().put("line", line).put("score", 0.9).put("reason", "r");
        return a;
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            failures++;
            System.out.println("FAIL " + what);
        }
    }
}
