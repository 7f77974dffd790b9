package dev.learnflow.concepts;

import dev.learnflow.concepts.service.AnswerPlanner;
import dev.learnflow.concepts.service.DocAnswerText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question about a Python feature that does not exist (checked against the documentation index, the built-ins,
 * the keywords and the lessons' names) gets an honest "Python has no such thing" with real names near it and the
 * nearest lessons as choices, never a lesson; real features asked the same way are answered as before.
 */
class MadeUpNamesTest {

    @BeforeAll
    static void load() {
        AnswerPlannerTest.load();
    }

    private static AnswerPlanner.Plan plan(String question) {
        return AnswerPlannerTest.planner.plan(question, null);
    }

    @Test
    void madeUpMethodsKeywordsBuiltinsDecoratorsAndModulesAreNotExplained() {
        for (String question : List.of("how does list.smash() work", "what does str.shout() return",
                "whats the unless keyword in python for", "explain the python 'then' keyword",
                "how do i use the built in sqroot() function", "what is the python @autoclose decorator",
                "how does the zorblax module work", "what does math.sqroot do",
                "how do i use the @memo_forever decorator from functools", "what does the ?? operator do",
                "how do i use the foreach loop in python", "does python's unless statement need an else",
                "what does the keep_going loop do", "explain the @cache_everything decorator in the standard library",
                "how do i import the fancymath modul", "what does the `until` keyword do in python",
                "how does the python repeat keyword work",
                // words that only say the name is Python's own may stand before it, and quotes after it
                "what does python's built-in elsif keyword do", "is the reserved until keyword new in python 3",
                "how do i write a `do until` loop in python",
                // other languages' loops, though a lesson uses the word as English ("loop until") or a module has it
                // (itertools.repeat)
                "what does the until loop do in python", "how does the repeat loop work in python",
                "how do i write a do-while loop in python",
                // a built-in type's method written as a call must be one help() lists for that type, though the
                // word is documented elsewhere (operator.contains, str.__len__)
                "what is list.contains(item) for", "how do i use str.length()",
                // a module's function written as a call must be one its page documents or uses, though the word is
                // English the documentation uses elsewhere ("between", "square", "round")
                "how do i use random.between(1, 10) for my dice game", "what does math.square(4) do",
                "why does math.round(2.5) give an error",
                // a statement said to be built in, a keyword named after the word, a function "called" something
                "how i can to use the python built-in repeatwhile statement", "what does the python keyword `unless` do",
                "python 3.12 added a built-in function called loopback(), how do i use it",
                // a name in backticks is the student's as written, not mended into a real word ("forever")
                "how does the python `forevery` loop work", "how do i import the stdlib `fastjson` module")) {
            assertThat(plan(question)).as(question).isInstanceOfSatisfying(AnswerPlanner.Abstain.class, a -> {
                assertThat(a.reason()).as(question).isEqualTo("no-such-name");
                assertThat(a.choices()).hasSizeBetween(2, 3);
            });
        }
    }

    @Test
    void theAbstentionNamesTheMissingThingAndRealNamesNearIt() {
        AnswerPlanner.Abstain a = (AnswerPlanner.Abstain) plan("how do i use str.uppercase()");
        assertThat(a.madeUp().name()).isEqualTo("str.uppercase");
        assertThat(a.madeUp().nearest()).contains("str.upper");
        String text = DocAnswerText.abstention(a.reason(), a.choices(), a.domain(), a.madeUp());
        assertThat(text).contains("Python has no `str.uppercase()`").contains("`str.upper`");

        // a decorator said to come from a standard module is looked up there; an operator of another language
        // gets Python's way of writing what it does
        a = (AnswerPlanner.Abstain) plan("how do i use the @memo_forever decorator from functools");
        assertThat(a.madeUp().name()).isEqualTo("@functools.memo_forever");
        assertThat(DocAnswerText.abstention(a.reason(), a.choices(), a.domain(), a.madeUp()))
                .contains("no decorator `@functools.memo_forever`");
        a = (AnswerPlanner.Abstain) plan("whats the ?? null coalescing operator in python");
        assertThat(DocAnswerText.abstention(a.reason(), a.choices(), a.domain(), a.madeUp()))
                .contains("no `??` operator").contains("if value is not None else");
        a = (AnswerPlanner.Abstain) plan("can i use the && operator in an if");
        assertThat(DocAnswerText.abstention(a.reason(), a.choices(), a.domain(), a.madeUp()))
                .contains("no `&&` operator").contains("the word `and`");
        a = (AnswerPlanner.Abstain) plan("how does the ++ operator work in python");
        assertThat(DocAnswerText.abstention(a.reason(), a.choices(), a.domain(), a.madeUp())).contains("`x += 1`");
    }

    @Test
    void realFeaturesAskedTheSameWayAreStillAnswered() {
        for (String question : List.of("how does list.sort() work", "what does str.split() return",
                "what does the nonlocal keyword do", "what is the self keyword", "the in keyword with a list",
                "what does the python @property decorator do", "how does the math module work",
                "what does math.sqrt do", "my @timer decorator prints twice", "what does the built in len() function do",
                "how does the @lru_cache decorator from functools work", "what does the @wraps decorator in functools do",
                "what does the // operator do", "what does the += operator do", "the == operator vs is",
                "how do i loop until the user types quit", "why does my for loop over my_list loop forever",
                "how do i repeat a loop 5 times", "how do while loops work",
                "how do i import the math module", "what does the python @staticmethod decorator do",
                "what does the print keyword do", "the super keyword in a subclass", "the append keyword vs extend",
                "how do i use str.maketrans()", "what does dict.fromkeys(keys) give",
                "how do i use random.randint(1, 10)", "what does math.sqrt(16) return", "how does time.sleep(2) work",
                "why does datetime.now() give me microseconds", "how do i use os.path.join(a, b)",
                "what does re.findall(pattern, text) give",
                // the student says Python lacks it: what Python has instead is asked
                "why is there no ++ operator in python", "python doesn't have a do-while loop, what do i use",
                "what is python's while statement")) {
            assertThat(plan(question)).as(question).isNotInstanceOf(AnswerPlanner.Abstain.class);
        }
    }
}
