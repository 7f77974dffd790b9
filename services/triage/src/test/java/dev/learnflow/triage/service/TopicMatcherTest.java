package dev.learnflow.triage.service;

import dev.learnflow.triage.domain.TopicInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A topic the question names in so many words wins over whatever the sentence model finds nearest. */
class TopicMatcherTest {

    /** Every text embeds the same: only the names can tell the topics apart. */
    private final TopicMatcher matcher = new TopicMatcher(text -> new float[] {1f, 0f}, List.of(
            new TopicInfo("for-loops", "control-flow", "For loops", ""),
            new TopicInfo("dictionaries", "collections", "Dictionaries", ""),
            new TopicInfo("comprehensions", "collections", "Comprehensions", ""),
            new TopicInfo("lists", "collections", "Lists", ""),
            new TopicInfo("try-except", "errors", "try/except", "")), 0.45);

    @Test
    void theLongestTopicNameInTheQuestionDecides() {
        assertThat(matcher.match("give me an exercise with a for loop").orElseThrow().topic().id()).isEqualTo("for-loops");
        assertThat(matcher.match("whats a dictionary").orElseThrow().topic().id()).isEqualTo("dictionaries");
        assertThat(matcher.match("list comprehension??").orElseThrow().topic().id()).isEqualTo("comprehensions");
        assertThat(matcher.match("explain try/except to me").orElseThrow().topic().id()).isEqualTo("try-except");
    }

    @Test
    void wordsThatOnlyContainANameDoNotCount() {
        assertThat(TopicMatcher.namePattern("for-loops").matcher("a formal loophole").find()).isFalse();
        assertThat(TopicMatcher.namePattern("lists").matcher("the playlist").find()).isFalse();
        // a one-word name used as a verb (session 39: "can you set me some exercises on decorators" named Sets)
        assertThat(TopicMatcher.namePattern("sets").matcher("can you set me some exercises").find()).isFalse();
        assertThat(TopicMatcher.namePattern("sets").matcher("a set of numbers").find()).isTrue();
        assertThat(TopicMatcher.namePattern("lists").matcher("list them for me").find()).isFalse();
    }

    @Test
    void anEverydayNameStandsForItsCourseTopic() {
        // "a practice problem on loops" names no topic title; loops come first as the for-loops topic
        assertThat(matcher.byEverydayName("give me a practice problem on loops").orElseThrow().id()).isEqualTo("for-loops");
        assertThat(matcher.byEverydayName("some nested loops problems pls").orElseThrow().id()).isEqualTo("for-loops");
        assertThat(matcher.byEverydayName("an exercise with dicts").orElseThrow().id()).isEqualTo("dictionaries");
        // a topic the matcher does not have is never given, and nothing everyday is nothing
        assertThat(matcher.byEverydayName("practice with classes")).isEmpty();
        assertThat(matcher.byEverydayName("give me something hard")).isEmpty();
    }
}
