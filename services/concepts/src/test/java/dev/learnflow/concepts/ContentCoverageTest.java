package dev.learnflow.concepts;

import dev.learnflow.concepts.domain.DocPassage;
import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.concepts.service.ContentCoverage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How much of a question's content a lesson or a documentation section holds, with a made-up rarity table. */
class ContentCoverageTest {

    /** Rarity in the documentation: "list" is everywhere, "shuffle" in a few sections. */
    static final Map<String, Double> IDF = Map.of("shuffl", 6.0, "list", 2.0, "item", 2.0, "random", 4.0);

    static final Lesson LISTS = new Lesson("lists", "Lists", "none", List.of("list", "append"),
            "A list holds items in order; append adds one at the end.", "Lists are mutable sequences.",
            "xs = [1, 2]\nxs.append(3)\nprint(xs)", List.of("Indexes start at 0."), "kb/lists.md", "lists");
    static final DocPassage SHUFFLE = new DocPassage("random:shuffle", "Python Library Reference",
            "random --- Generate pseudo-random numbers › shuffle", "library/random.html#shuffle", "shuffle",
            "Shuffle the sequence x in place, such as a list of items.", null, null);
    static final DocPassage LIST_TYPE = new DocPassage("help:list", "Python help()", "list", "help(list)", "list",
            "Built-in mutable sequence. Its items can be sorted, reversed or shuffled with random.shuffle.", null, null);

    final ContentCoverage coverage = new ContentCoverage(List.of(LISTS),
            word -> IDF.getOrDefault(word.length() > 5 ? word.replaceFirst("e$", "") : word, 0.0));

    @Test
    void rareWordsWeighMoreAndUnknownOnesNothing() {
        Map<String, Double> w = coverage.weights("how do i shuffle a list qwzx");
        assertThat(w).containsOnlyKeys("shuffl", "list");
        assertThat(w.get("shuffl")).isGreaterThan(w.get("list"));
    }

    @Test
    void aLessonAboutTheSurroundingsHoldsLittleOfTheQuestion() {
        Map<String, Double> w = coverage.weights("how do i shuffle a list");
        assertThat(coverage.of(LISTS, w)).isCloseTo(0.25, within(0.01));
        assertThat(coverage.of(SHUFFLE, w)).isEqualTo(1.0);
        assertThat(coverage.weights("")).isEmpty();
        assertThat(coverage.of(LISTS, Map.of())).isEqualTo(1.0);
    }

    @Test
    void onlyASectionNamedForWhatTheLessonLacksIsAboutIt() {
        Map<String, Double> w = coverage.weights("how do i shuffle a list");
        assertThat(coverage.namesWhatLessonLacks(SHUFFLE, LISTS, w)).isCloseTo(0.75, within(0.01));
        // the list type's section says "shuffled" in passing, but it is about lists, which the lesson has
        assertThat(coverage.of(LIST_TYPE, w)).isEqualTo(1.0);
        assertThat(coverage.namesWhatLessonLacks(LIST_TYPE, LISTS, w)).isZero();
        assertThat(coverage.ofName(SHUFFLE, coverage.weights("shuffle???"))).isEqualTo(1.0);
    }

    static final DocPassage PRINT = new DocPassage("library/functions:print", "Python Library Reference",
            "Built-in Functions › print", "library/functions.html#print", "print",
            "print(*objects, sep=' ', end='\\n', file=None, flush=False)\n\nPrint objects to the text stream file.",
            null, null);

    @Test
    void aFunctionsParametersArePartOfItsSectionsName() {
        assertThat(ContentCoverage.parameters(PRINT).strip().split(" "))
                .containsExactly("objects", "sep", "end", "file", "flush");
        // no signature on the first line: nothing
        assertThat(ContentCoverage.parameters(SHUFFLE)).isEmpty();
        ContentCoverage rare = new ContentCoverage(List.of(LISTS),
                word -> Map.of("print", 1.0, "end", 3.0, "newline", 3.0).getOrDefault(word, 0.0));
        Map<String, Double> w = rare.weights("print without a newline at the end");
        // print's own name and its end= parameter hold 4 of the 7; the newline is only in its prose
        assertThat(rare.ofName(PRINT, w)).isCloseTo(4.0 / 7, within(0.01));
    }
}
