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
}
