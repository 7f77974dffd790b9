package dev.learnflow.concepts;

import dev.learnflow.concepts.service.Filler;
import dev.learnflow.concepts.service.Spelling;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What students wrap around a question comes off before it is searched, and misspelt everyday words are mended
 * into the one word the lessons or the documentation use (issue 17: the same question got another lesson with a
 * greeting in front of it, or with "biggest" typed "bigegst").
 */
class StudentWrappingTest {

    @Test
    void greetingsPleasAndInPythonComeOff() {
        assertThat(Filler.strip("hey quick question, make a string uppercase")).isEqualTo("make a string uppercase");
        assertThat(Filler.strip("Hi there! im so confused about this. how do functions work"))
                .isEqualTo("how do functions work");
        assertThat(Filler.strip("get the current working directory pls help")).isEqualTo("get the current working directory");
        assertThat(Filler.strip("waht is a tupple in python?")).isEqualTo("waht is a tupple?");
        assertThat(Filler.strip("sorry if this is a dumb question, what does OrderedDict do? thanks"))
                .as("the question's own words keep their case").isEqualTo("what does OrderedDict do?");
        assertThat(Filler.strip("can u please explain how yield works")).isEqualTo("how yield works");
        assertThat(Filler.strip("my teacher asked us this and i dont get it: what does ** do in a call???"))
                .isEqualTo("what does ** do in a call?");
        assertThat(Filler.strip("for my homework, how do i reverse a list")).isEqualTo("how do i reverse a list");
        // "pythonic" says how well it should be done: the task is what is asked (the glossary entry is for its meaning)
        assertThat(Filler.strip("what's the most pythonic way to read a file line by line"))
                .isEqualTo("read a file line by line");
        assertThat(Filler.strip("pythonic loop over two lists at once")).isEqualTo("loop over two lists at once");
        assertThat(Filler.strip("count the words in a sentence, is there a pythonic way?"))
                .isEqualTo("count the words in a sentence");
        assertThat(Filler.strip("what does pythonic mean")).isEqualTo("what does pythonic mean");
        assertThat(Filler.strip("pythonic code vs readable code")).isEqualTo("pythonic code vs readable code");
        // whether it is Python's own: the answer says so (session 39: "is that a python thing" pulled the assert lesson)
        assertThat(Filler.strip("what does O(n) mean, is that a python thing")).isEqualTo("what does O(n) mean");
        assertThat(Filler.strip("whats a ternary? or is it not even python")).isEqualTo("whats a ternary");
        assertThat(Filler.strip("is a set a python thing")).as("the thing asked about stays").isNotBlank();
    }

    @Test
    void chatSpellingsAreWrittenOut() {
        assertThat(Filler.strip("wat does ** do")).isEqualTo("what does ** do");
        assertThat(Filler.strip("y does 7/2 give 3.5")).isEqualTo("why does 7/2 give 3.5");
        assertThat(Filler.strip("how do u sort a dict by value")).isEqualTo("how do you sort a dict by value");
        // string prefixes and names in code stay
        assertThat(Filler.strip("what does r mean before a string")).isEqualTo("what does r mean before a string");
        assertThat(Filler.strip("why is wat = 5 an error")).isEqualTo("why is wat = 5 an error");
        assertThat(Filler.strip("what does u'text' mean")).isEqualTo("what does u'text' mean");
    }

    @Test
    void namesAndQuestionWordsStay() {
        // help() is a name written as code, "property" ends in "ty", "please" inside a sentence is not a plea
        assertThat(Filler.strip("help() in the repl")).isEqualTo("help() in the repl");
        assertThat(Filler.strip("what is a property")).isEqualTo("what is a property");
        assertThat(Filler.strip("how do i use the help function")).isEqualTo("how do i use the help function");
        assertThat(Filler.strip("is python slow")).isEqualTo("is python slow");
        // nothing but wrapping: left as it is, to be handled as a vague message
        assertThat(Filler.strip("hey, im confused")).isEqualTo("hey, im confused");
        assertThat(Filler.strip("pls help")).isEqualTo("pls help");
        assertThat(Filler.strip("can you explain it again")).isEqualTo("can you explain it again");
    }

    private final Spelling spelling = new Spelling(
            Set.of("biggest", "bigger", "number", "list", "together", "largest", "element", "elements", "changed",
                    "charged", "loop", "lists", "enumerate", "tuple", "integer", "argument", "brother", "other"),
            Set.of("enumerate", "list", "tuple"));

    @Test
    void aMisspeltEverydayWordIsMendedIntoTheOneKnownWord() {
        assertThat(spelling.correct("how to find the bigegst number in a list"))
                .isEqualTo("how to find the biggest number in a list");
        assertThat(spelling.correct("loop two lists togehter")).isEqualTo("loop two lists together");
        assertThat(spelling.correct("index of an eleemnt")).isEqualTo("index of an element");
        assertThat(spelling.correct("the bigest number")).as("a left-out letter").isEqualTo("the biggest number");
        assertThat(spelling.correct("use enumrate")).as("concept names as before").isEqualTo("use enumerate");
    }

    @Test
    void aLetterTypedTwiceOrAStrayLetterInALongWordComesOut() {
        assertThat(spelling.correct("tupple or list")).as("a five-letter name, letter doubled").isEqualTo("tuple or list");
        assertThat(spelling.correct("an interger")).as("a stray letter in a long word").isEqualTo("an integer");
        assertThat(spelling.correct("one arguement")).isEqualTo("one argument");
        // a short word one letter longer than a known one is too often a real word the documentation never uses
        assertThat(spelling.correct("my brothers")).isEqualTo("my brothers");
    }

    @Test
    void anAmbiguousOrShortOrCodeLikeWordStays() {
        // "chaged" is one edit from both "changed" and "charged", and neither is a swap
        assertThat(spelling.correct("i chaged the list")).isEqualTo("i chaged the list");
        // five letters: too many English words are one edit apart
        assertThat(spelling.correct("nmber")).isEqualTo("nmber");
        // a student's own names
        assertThat(spelling.correct("my_lsts and lists2")).isEqualTo("my_lsts and lists2");
    }
}
