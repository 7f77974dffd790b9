package dev.learnflow.concepts;

import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.concepts.service.KnowledgeBase;
import dev.learnflow.concepts.service.LessonRetriever;
import dev.learnflow.platform.embedding.SentenceEncoder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Semantic retrieval (the real in-process model) on students' phrasings: which lesson answers which question. */
class RetrievalTest {

    static final Map<String, String> QUESTIONS = new LinkedHashMap<>();

    static {
        QUESTIONS.put("how do I make a variable and change its value", "variables");
        QUESTIONS.put("why does 7 / 2 give 3.5 and what is //", "numbers-and-types|arithmetic-operators");
        QUESTIONS.put("how do I get the last character of a word", "strings|slicing");
        QUESTIONS.put("my input is text, how do I turn it into a number", "input-and-output|type-conversion");
        QUESTIONS.put("how does elif work", "conditionals");
        QUESTIONS.put("how do I repeat something until the user types quit", "while-loops");
        QUESTIONS.put("what does range(1, 10, 2) produce", "for-loops");
        QUESTIONS.put("how do I stop a loop early when I find what I'm looking for", "break-and-continue");
        QUESTIONS.put("why did changing b also change a when both are lists", "lists|mutability");
        QUESTIONS.put("what is the difference between a tuple and a list", "tuples");
        QUESTIONS.put("how do I count how often each word appears", "dictionaries|counting");
        QUESTIONS.put("how do I remove duplicates from a list", "sets");
        QUESTIONS.put("what is a list comprehension", "comprehensions");
        QUESTIONS.put("what are default arguments in a function", "defining-functions");
        QUESTIONS.put("why does my function return None", "return-values");
        QUESTIONS.put("what does nonlocal do", "scope");
        QUESTIONS.put("how do I sort a list of tuples by the second element", "lambdas|sorting");
        QUESTIONS.put("what is self in a class", "classes-and-objects");
        QUESTIONS.put("how do I call the parent class constructor", "inheritance");
        QUESTIONS.put("how can I make print show my object nicely", "dunder-methods");
        QUESTIONS.put("how do I catch an error when converting text to int", "try-except|type-conversion");
        QUESTIONS.put("when does the finally block run", "else-and-finally");
        QUESTIONS.put("how do I throw an error if an argument is negative", "raising-exceptions");
        QUESTIONS.put("how do I define my own exception type", "custom-exceptions");
        QUESTIONS.put("how do I read a text file line by line", "reading-files");
        QUESTIONS.put("how do I add a line to the end of an existing file", "writing-files");
        QUESTIONS.put("why should I open files using with", "with-statement");
        QUESTIONS.put("how do I join folder and file names into a path", "file-paths");
        QUESTIONS.put("what is the difference between import math and from math import sqrt", "importing-modules");
        QUESTIONS.put("which built-in module helps with dates", "standard-library|time-and-dates");
        QUESTIONS.put("what is __init__.py for in a folder", "packages");
        QUESTIONS.put("how do I install a third-party package for one project only", "pip-and-virtual-environments");
    }

    @Test
    void eachLessonIsFoundForAStudentsPhrasing() {
        LessonRetriever retriever = new LessonRetriever(new SentenceEncoder(),
                KnowledgeBase.fromClasspath(getClass().getClassLoader()), 0.3);
        int top1 = 0;
        int top3 = 0;
        StringBuilder misses = new StringBuilder();
        for (Map.Entry<String, String> q : QUESTIONS.entrySet()) {
            var ranked = retriever.rank(q.getKey(), null);
            // a few questions have two right lessons: the course's and the dedicated one beyond the course
            java.util.List<String> right = java.util.List.of(q.getValue().split("\\|"));
            if (right.contains(ranked.get(0).lesson().topicId())) {
                top1++;
            } else {
                misses.append(String.format("  %-70s expected %-20s got %s%n", q.getKey(), q.getValue(),
                        ranked.get(0).lesson().topicId()));
            }
            if (ranked.stream().limit(3).anyMatch(h -> right.contains(h.lesson().topicId()))) {
                top3++;
            }
        }
        System.out.printf("%nLesson retrieval: top-1 %d/%d (%.1f%%), top-3 %d/%d (%.1f%%)%n%s", top1,
                QUESTIONS.size(), 100.0 * top1 / QUESTIONS.size(), top3, QUESTIONS.size(),
                100.0 * top3 / QUESTIONS.size(), misses);
        assertThat((double) top1 / QUESTIONS.size()).isGreaterThanOrEqualTo(0.8);
        assertThat((double) top3 / QUESTIONS.size()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aNamedTopicIsPreferredButDoesNotOverrideAClearQuestion() {
        LessonRetriever retriever = new LessonRetriever(new SentenceEncoder(),
                KnowledgeBase.fromClasspath(getClass().getClassLoader()), 0.3);

        assertThat(retriever.best("how does it work?", "sets").orElseThrow().lesson().topicId()).isEqualTo("sets");
        assertThat(retriever.best("how do I read a text file line by line", "sets").orElseThrow().lesson().topicId())
                .isEqualTo("reading-files");
    }

    /**
     * Questions that describe a task without the concept's name reach its lesson through the lesson's {@code asks}
     * (how beginners ask for it); without them the same questions go elsewhere. None is one of the asks verbatim.
     */
    @Test
    void aTaskDescribedWithoutTheConceptsNameFindsItsLessonThroughTheLessonsAsks() {
        KnowledgeBase kb = KnowledgeBase.fromClasspath(getClass().getClassLoader());
        LessonRetriever withAsks = new LessonRetriever(new SentenceEncoder(), kb, 0.3);
        LessonRetriever namesOnly = new LessonRetriever(new SentenceEncoder(), new KnowledgeBase(kb.lessons().stream()
                .map(l -> new Lesson(l.topicId(), l.title(), l.diagram(), l.aliases(), l.idea(), l.inDepth(),
                        l.example(), l.watchOut(), l.source(), l.curriculumTopicId(), l.mentions(), List.of()))
                .toList()), 0.3);
        Map<String, String> tasks = Map.of(
                "how can i arrange my high scores from biggest to smallest", "sorting",
                "skip the negative numbers and carry on with the next one", "break-and-continue");
        int helped = 0;
        for (Map.Entry<String, String> t : tasks.entrySet()) {
            assertThat(withAsks.rank(t.getKey(), null).get(0).lesson().topicId()).as(t.getKey()).isEqualTo(t.getValue());
            helped += namesOnly.rank(t.getKey(), null).get(0).lesson().topicId().equals(t.getValue()) ? 0 : 1;
        }
        assertThat(helped).as("questions only the asks bring to their lesson").isGreaterThanOrEqualTo(1);
        // a lesson's own name still wins over another lesson's everyday phrasing
        assertThat(withAsks.rank("what does the continue keyword do", null).get(0).lesson().topicId())
                .isEqualTo("break-and-continue");
        assertThat(kb.lessons()).allSatisfy(l -> assertThat(l.asks()).as(l.topicId()).hasSizeGreaterThanOrEqualTo(8));
    }
}
