package dev.learnflow.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.concepts.client.TraceRunner;
import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.concepts.service.Diagrams;
import dev.learnflow.concepts.service.KnowledgeBase;
import dev.learnflow.local.testing.RepoFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base against the seeded curriculum, and every example run for real: the tracer harness with
 * python3 (as the sandbox runs it) must give a complete trace, and the diagrams drawn from it must show what the
 * lesson is about.
 */
class KnowledgeBaseTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static KnowledgeBase kb;
    static Map<String, String> seededTopics = new LinkedHashMap<>();
    static String seed;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBase.fromClasspath(KnowledgeBaseTest.class.getClassLoader());
        seed = Files.readString(RepoFiles.find("db/migrations/V3__seed_curriculum.sql"));
        Matcher topic = Pattern.compile("\\('([a-z0-9-]+)', '([a-z0-9-]+)', \\d+, '((?:[^']|'')+)', '(\\w+)',")
                .matcher(seed);
        while (topic.find()) {
            seededTopics.put(topic.group(1), topic.group(3).replace("''", "'"));
        }
    }

    @Test
    void thereIsOneLessonPerSeededTopicWithItsTitleAndTheOthersBelongToOne() {
        assertThat(seededTopics).hasSize(32);
        assertThat(kb.lessons()).extracting(Lesson::topicId).containsAll(seededTopics.keySet());
        assertThat(kb.lessons().size()).isGreaterThanOrEqualTo(32 + 15);
        for (Lesson lesson : kb.lessons()) {
            if (seededTopics.containsKey(lesson.topicId())) {
                assertThat(lesson.title()).isEqualTo(seededTopics.get(lesson.topicId()));
                assertThat(lesson.inCurriculum()).as(lesson.topicId()).isTrue();
            } else {
                // progress only knows the seeded topics: a lesson beyond the course is recorded against one
                assertThat(seededTopics).as(lesson.topicId()).containsKey(lesson.curriculumTopicId());
            }
            assertThat(lesson.idea()).as(lesson.topicId()).hasSizeGreaterThan(150);
            assertThat(lesson.inDepth()).as(lesson.topicId()).hasSizeGreaterThan(150);
            assertThat(lesson.watchOut()).as(lesson.topicId()).isNotEmpty();
            assertThat(lesson.diagram()).isIn("flow", "references", "none");
        }
    }

    @Test
    void everyExampleRunsUnderTheTracerWithACompleteTrace() throws Exception {
        for (Lesson lesson : kb.lessons()) {
            JsonNode trace = trace(lesson);

            assertThat(trace.path("error").isNull()).as(lesson.topicId() + ": " + trace.path("error")).isTrue();
            assertThat(trace.path("truncated").asBoolean()).as(lesson.topicId()).isFalse();
            assertThat(trace.path("steps").size()).as(lesson.topicId()).isGreaterThan(2);
            assertThat(trace.path("stdout").asText()).as(lesson.topicId()).isNotBlank();
            JsonNode first = trace.path("steps").get(0);
            assertThat(first.path("line").asInt()).isPositive();
            assertThat(first.path("frames").get(0).path("function").asText()).isEqualTo("<module>");
            if (!lesson.diagram().equals("none")) {
                assertThat(Diagrams.of(lesson.diagram(), trace, lesson.example())).as(lesson.topicId())
                        .startsWith("flowchart");
            }
        }
    }

    @Test
    void theListsDiagramShowsTwoNamesSharingOneList() throws Exception {
        Lesson lists = kb.byTopic("lists").orElseThrow();
        JsonNode trace = trace(lists);

        String mermaid = Diagrams.of("references", trace, lists.example());

        JsonNode finalNames = trace.path("steps").get(trace.path("steps").size() - 1).path("frames").get(0)
                .path("variables");
        String sharedRef = finalNames.path("a").path("ref").asText();
        assertThat(finalNames.path("b").path("ref").asText()).isEqualTo(sharedRef);
        assertThat(finalNames.path("c").path("ref").asText()).isNotEqualTo(sharedRef);
        assertThat(mermaid).contains("n_a --> " + sharedRef).contains("n_b --> " + sharedRef)
                .contains("list [1, 2, 3, 4]");
    }

    @Test
    void theLoopDiagramShowsTheRepeatedJump() throws Exception {
        Lesson loop = kb.byTopic("while-loops").orElseThrow();

        String mermaid = Diagrams.of("flow", trace(loop), loop.example());

        assertThat(mermaid).contains("L2[\"2: while countdown > 0:\"]").contains("L4 -->|3x| L2");
    }

    @Test
    void noExampleHandsOutASeededExerciseSolution() {
        List<List<String>> solutions = new ArrayList<>();
        Matcher code = Pattern.compile("\\$code\\$(.*?)\\$code\\$", Pattern.DOTALL).matcher(seed);
        while (code.find()) {
            solutions.add(codeLines(code.group(1)));   // starter code and reference solutions of the seed
        }
        assertThat(solutions).hasSizeGreaterThan(20);
        for (Lesson lesson : kb.lessons()) {
            List<String> example = codeLines(lesson.example());
            for (List<String> solution : solutions) {
                for (int i = 0; i + 2 < example.size(); i++) {
                    List<String> run = example.subList(i, i + 3);
                    assertThat(java.util.Collections.indexOfSubList(solution, run))
                            .as(lesson.topicId() + " shares three lines with a seeded solution: " + run).isEqualTo(-1);
                }
            }
        }
    }

    static JsonNode trace(Lesson lesson) throws Exception {
        String stdout = Python.stdoutOf(TraceRunner.program(lesson.example()));
        String json = stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError(lesson.topicId() + " printed no trace: " + stdout));
        return JSON.readTree(json);
    }

    private static List<String> codeLines(String code) {
        return Arrays.stream(code.split("\n")).map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }
}
