package dev.learnflow.triage.service;

import dev.learnflow.triage.domain.TopicInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject the course has no topic for, asked to practise (own wordings, session 39): the reply says so, names the
 * course topics where it comes up, and points at the nearest one's exercises.
 */
class CourseGapsTest {

    private static final TopicInfo FUNCTIONS = new TopicInfo("defining-functions", "functions",
            "Defining Functions and Parameters", "def");
    private static final TopicInfo RETURNS = new TopicInfo("return-values", "functions", "Return Values", "return");
    private static final TopicInfo LISTS = new TopicInfo("lists", "collections", "Lists", "Lists");

    @Test
    void subjectsTheCourseLacksAreFoundInTheStudentsWords() {
        assertThat(CourseGaps.of("could u give me a recursive function problem")).hasValueSatisfying(g -> {
            assertThat(g.subject()).isEqualTo("recursion");
            assertThat(g.nearestTopicIds()).containsExactly("defining-functions", "return-values");
        });
        assertThat(CourseGaps.of("slicing drills pls")).hasValueSatisfying(g -> assertThat(g.nearestTopicIds())
                .startsWith("lists"));
        assertThat(CourseGaps.of("i'd like to practise writing my own decorators")).isPresent();
        assertThat(CourseGaps.of("a task with the datetime module")).hasValueSatisfying(g -> assertThat(g.subject())
                .isEqualTo("dates and times"));
        // course topics and words inside other words are no gap
        assertThat(CourseGaps.of("give me a while loop exercise")).isEmpty();
        assertThat(CourseGaps.of("practise resorting to dictionaries")).isEmpty();
        assertThat(CourseGaps.of("a sort of easy exercise on strings")).isEmpty();
        assertThat(CourseGaps.of("project idea: a random password generator")).isEmpty();
        assertThat(CourseGaps.of("my exam date is friday, give me practice")).isEmpty();
        assertThat(CourseGaps.of(null)).isEmpty();
    }

    @Test
    void theReplySaysSoAndPointsAtTheNearestTopicsExercises() {
        TriageReplies.Reply reply = TriageReplies.exerciseNear("recursion", List.of(FUNCTIONS, RETURNS));
        assertThat(reply.text()).startsWith("The course has no exercise topic on recursion")
                .contains("**Defining Functions and Parameters** and **Return Values**")
                .contains("/api/v1/exercises?topicId=defining-functions");
        assertThat(reply.data().toString()).contains("defining-functions");

        TopicMatcher matcher = new TopicMatcher(text -> new float[] {1f, 0f}, List.of(LISTS, FUNCTIONS), 0.5);
        assertThat(matcher.namesATopic("a recursion problem with lists")).isTrue();
        assertThat(matcher.namesATopic("a recursion problem")).isFalse();
    }
}
