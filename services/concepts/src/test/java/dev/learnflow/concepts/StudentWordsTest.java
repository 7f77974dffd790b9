package dev.learnflow.concepts;

import dev.learnflow.concepts.service.StudentWords;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StudentWordsTest {

    private final StudentWords words = StudentWords.fromClasspath(StudentWordsTest.class.getClassLoader());

    @Test
    void pythonsErrorMessagesNameTheirExceptionWithoutChangingWhatIsSearched() {
        Map<String, String> quoted = Map.of(
                "my code says string index out of range", "IndexError",
                "name 'totl' is not defined?", "NameError",
                "it says 'int' object is not subscriptable", "TypeError",
                "unexpected indent on line 3", "IndentationError",
                "too many values to unpack (expected 2)", "ValueError",
                "local variable 'count' referenced before assignment", "UnboundLocalError");
        quoted.forEach((question, exception) -> {
            assertThat(words.exceptionsQuoted(question)).as(question).containsExactly(exception);
            assertThat(words.withPythonWords(question)).as(question).doesNotContain(exception);
        });
    }

    @Test
    void questionsQuotingNoMessageNameNoException() {
        for (String question : List.of("what does range() do", "what goes in the header line of a def",
                "index of an item in a list")) {
            assertThat(words.exceptionsQuoted(question)).as(question).isEmpty();
        }
    }

    @Test
    void describedOperationsGetPythonsNameAndLookalikesDoNot() {
        Map<String, String> described = Map.of(
                "how can i shout, i mean make the whole message capital letters", "str.upper()",
                "got <filter object at 0x10> when printing filter(f, xs)", "filter()",
                "is there a way to write a function in one line", "lambda",
                "keep the game from crashing when they type a word", "try except",
                "extract everything from the .zip my teacher sent", "zipfile",
                "how to see if every score in the list is above 50", "all()",
                "print the numbers on the same line", "print() end=");
        described.forEach((question, name) -> assertThat(words.withPythonWords(question)).as(question).contains(name));
        Map<String, String> lookalikes = Map.of(
                "what is the capital of peru", "str.upper()",
                "zip the names and the ages together", "zipfile",
                "check if all characters of a word are letters", "all()",
                "printed my Cat object and got <__main__.Cat object at 0x7f>", "filter()");
        lookalikes.forEach((question, name) -> assertThat(words.withPythonWords(question)).as(question)
                .doesNotContain(name));
        assertThat(words.withPythonWords("printed my Cat object and got <__main__.Cat object at 0x7f>"))
                .contains("__repr__()");
        assertThat(words.withPythonWords("printed zip(a, b) and got <zip object at 0x7f>")).contains("zip()")
                .doesNotContain("__repr__");
    }

    @Test
    void listingMembersThousandsSeparatorsTheAlphabetAndUnorderedOutputGetPythonsWords() {
        Map<String, String> described = Map.of(
                "how can i find out which functions a module has", "dir()",
                "list all the attributes of an object", "dir()",
                "show a price like 2,500,000 in my output", "format specification",
                "print my numbers with commas so they are easier to read", "format specification",
                "is there a string with all the lowercase letters", "string.ascii_lowercase",
                "why does my dict come out in a different order", "unordered");
        described.forEach((question, name) -> assertThat(words.withPythonWords(question)).as(question).contains(name));
        Map<String, String> lookalikes = Map.of(
                "class methods have access to cls, static methods dont", "dir()",
                "split a line of numbers separated by commas", "format specification",
                "count the letters in a word", "string.ascii_letters",
                "sort the names in alphabetical order", "unordered");
        lookalikes.forEach((question, name) -> assertThat(words.withPythonWords(question)).as(question)
                .doesNotContain(name));
    }
}
