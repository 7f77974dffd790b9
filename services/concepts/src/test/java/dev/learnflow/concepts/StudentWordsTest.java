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
        Map<String, String> lookalikes = Map.of(
                "what is the capital of peru", "str.upper()",
                "zip the names and the ages together", "zipfile",
                "check if all characters of a word are letters", "all()",
                "printed my Cat object and got <__main__.Cat object at 0x7f>", "filter()");
        assertNamed(described, lookalikes);
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
        Map<String, String> lookalikes = Map.of(
                "class methods have access to cls, static methods dont", "dir()",
                "split a line of numbers separated by commas", "format specification",
                "count the letters in a word", "string.ascii_letters",
                "sort the names in alphabetical order", "unordered");
        assertNamed(described, lookalikes);
    }

    @Test
    void everydayBeginnerTasksGetPythonsWordsAndLookalikesDoNot() {
        Map<String, String> described = new java.util.LinkedHashMap<>();
        described.put("how do i work out the average of my test scores", "statistics.mean()");
        described.put("make Yes and yes count the same no matter the case", "str.lower()");
        described.put("the player used the potion, take it out of the inventory list", "list.remove()");
        described.put("for my guessing game how do i make it keep asking until they get it right", "while loop");
        described.put("count how many guesses the player took", "+= augmented assignment");
        described.put("show 0.453 as a percentage", "format specification");
        described.put("my teacher says i have the same code copy pasted in every room", "def functions");
        described.put("how do i get the grade back out of the function", "return");
        described.put("check if a number is even or odd", "% modulo operator");
        described.put("make only the first letter of a name capital", "str.capitalize()");
        described.put("every possible pair from a list", "itertools.combinations()");
        described.put("add a line to the end of my notes file without deleting what is there", "append mode");
        described.put("how do i stop the whole program when they type quit", "sys.exit()");
        described.put("find the position of a word in a sentence", "str.find()");
        Map<String, String> lookalikes = new java.util.LinkedHashMap<>();
        lookalikes.put("what does this error mean for my loop", "statistics.mean()");
        lookalikes.put("remove duplicates from a list", "list.remove()");
        lookalikes.put("i saw else after a for loop, is that even allowed", "% modulo operator");
        lookalikes.put("make only the first letter capital", "str.upper()");
        lookalikes.put("how do i stop the loop when they type quit", "sys.exit()");
        assertNamed(described, lookalikes);
    }

    @Test
    void otherLanguagesNamesAndTasksToldInEverydayWordsGetPythonsNames() {
        Map<String, String> described = new java.util.LinkedHashMap<>();
        described.put("whats the python version of JSON.stringify", "json.dumps()");
        described.put("like java's StringBuilder but in python", "str.join()");
        described.put("do i override toString like in java", "__str__");
        described.put("java generics, how would i write that with type hints", "TypeVar");
        described.put("store users' passwords not in plain text", "hashlib");
        described.put("sha256 of a downloaded file", "hashlib");
        described.put("keep my word list sorted when i add new words", "bisect.insort()");
        described.put("fast queue, pop from the front", "collections.deque");
        described.put("sort people by age then by name when ages are the same", "key=lambda");
        described.put("9 / 4 gives 2.25, i wanted 2", "floor division");
        described.put("0.1 + 0.2 == 0.3 is False??", "math.isclose()");
        described.put("word wrap a paragraph at 40 characters", "textwrap.wrap()");
        described.put("pretty-print a big nested list", "pprint.pprint()");
        described.put("a small database file for my recipes app", "sqlite3");
        described.put("how much memory does my dictionary take, like sizeof", "sys.getsizeof()");
        described.put("overload * for my Matrix class", "__add__()");
        described.put("the 5 largest values in a list", "heapq.nlargest()");
        described.put("convert a score of 73 into a letter grade", "if elif else");
        Map<String, String> lookalikes = new java.util.LinkedHashMap<>();
        lookalikes.put("my code throws an error when i run it", "custom exception");
        lookalikes.put("what is the top 10 most common word", "heapq.nlargest()");
        lookalikes.put("the biggest number in my list", "heapq.nlargest()");
        lookalikes.put("is this a generic question", "TypeVar");
        lookalikes.put("print my object nicely instead of <__main__.Dog object at 0x10>", "pprint.pprint()");
        assertNamed(described, lookalikes);
    }

    @Test
    void checksCountsFromOneIncrementsAndElifChainsGetPythonsNames() {
        Map<String, String> described = new java.util.LinkedHashMap<>();
        described.put("check that a password has at least one capital letter", "str.isupper()");
        described.put("validate that the code contains a digit", "str.isdigit()");
        described.put("number the lines starting at 1", "enumerate()");
        described.put("how do i write i++ in python", "+=");
        described.put("add one to the counter each time", "+=");
        described.put("get the biggest 3 numbers from a list", "heapq.nlargest()");
        described.put("i have a huge if elif chain, is there something cleaner", "match case");
        described.put("in java i'd make the field private, what about python", "private attribute");
        described.put("how to make the number have only two numbers after the point", "round()");
        described.put("round the price to 2 decimal places", "round()");
        described.put("how to get the current folder where is my program", "os.getcwd()");
        described.put("give names to tuple fields so i can write point.x", "collections.namedtuple()");
        described.put("my Dog class should run the parent's __init__ too", "super().__init__()");
        described.put("you cant define a function inside another function right", "nested function");
        described.put("can i have multiple constructors like in java", "@classmethod");
        described.put("how do i get the folder my script lives in", "__file__");
        described.put("how do i type hint a function that takes a callback", "typing.Callable");
        described.put("how do i make my class inherit from dict", "collections.UserDict");
        Map<String, String> lookalikes = new java.util.LinkedHashMap<>();
        // counting calls of a function is not counting items; a dict comprehension is not subclassing dict
        lookalikes.put("how can i count how many times a function gets called", "list.count()");
        lookalikes.put("can i extend a dict comprehension with an if", "collections.UserDict");
        // an f-string's 2 decimal places is a format spec, not round()
        lookalikes.put("how do i show only 2 decimals in an f string", "round()");
        lookalikes.put("format a float to 2 decimal places", "round()");
        // "at least one" is a count, not the smallest value; numbers in a list are not digits in a string
        lookalikes.put("the list has at least one number", "min()");
        lookalikes.put("check whether any number in a list is negative", "str.isdigit()");
        lookalikes.put("why does c++ need header files", "+=");
        lookalikes.put("my if elif chain prints the wrong grade", "match case");
        assertNamed(described, lookalikes);
    }

    /** Each described question gets its Python name added; each lookalike does not get the name it resembles. */
    private void assertNamed(Map<String, String> described, Map<String, String> lookalikes) {
        described.forEach((question, name) -> assertThat(words.withPythonWords(question)).as(question).contains(name));
        lookalikes.forEach((question, name) -> assertThat(words.withPythonWords(question)).as(question)
                .doesNotContain(name));
    }
}
