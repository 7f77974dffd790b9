package dev.learnflow.concepts;

import dev.learnflow.concepts.service.AnswerPlanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exam-style questions about code ("what is the output of print(...)"), errors pasted with nothing else, and code
 * whose construct a lesson owns: the planner answers about the code inside print, the named error, or the construct,
 * not about print or a function called inside the construct.
 */
class OutputQuestionsTest {

    @BeforeAll
    static void load() {
        AnswerPlannerTest.load();
    }

    private static String about(String question) {
        return SubjectQuestionsTest.about(AnswerPlannerTest.planner.plan(question, null));
    }

    @Test
    void printAroundAnExpressionIsOnlyHowItIsShown() {
        assertThat(about("what is the output of print(\"abc\"[::-1])")).startsWith("slicing");
        assertThat(about("what does print(type(None)) show")).contains("None");
        // print's own parameters, and a bare value printed, are about print
        assertThat(about("what does print(a, b, sep=\"-\") do")).matches("(?is)input-and-output.*|.*\\bprint\\b.*");
        assertThat(about("what does print(\"hello\") do")).matches("(?is)input-and-output.*|.*\\bprint\\b.*");
    }

    @Test
    void codeSentWithAVagueQuestionIsExplainedByTheLessonOnItsMainConstruct() {
        java.util.Map<String, String> codeToTopic = new java.util.LinkedHashMap<>();
        codeToTopic.put("class Dog:\n    def __init__(self, name):\n        for c in name:\n            pass",
                "classes-and-objects");
        codeToTopic.put("def count(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1", "generators");
        codeToTopic.put("squares = [n * n for n in range(5)]\nprint(squares)", "comprehensions");
        codeToTopic.put("def fact(n):\n    if n <= 1:\n        return 1\n\n    return n * fact(n - 1)", "recursion");
        codeToTopic.put("class P:\n    pass\nclass C(P):\n    pass\nprint(isinstance(C(), P))", "inheritance");
        codeToTopic.put("class V:\n    def __str__(self):\n        return 'v'\nprint(V())", "dunder-methods");
        codeToTopic.put("x = 5\ndef change():\n    global x\n    x = 10", "scope");
        codeToTopic.put("for i in range(3):\n    for j in range(2):\n        print(i, j)", "nested-loops");
        codeToTopic.put("for i in range(6):\n    if i % 2:\n        continue\n    print(i)", "break-and-continue");
        // statements typed on one line are the same statements
        codeToTopic.put("a = [1]; b = a; a.append(2); print(b)", "mutability");
        codeToTopic.put("first, *rest = [1, 2, 3]; print(rest)", "unpacking");
        codeToTopic.put("def total(*nums):\n    return sum(nums)", "args-and-kwargs");
        // a line without such statements is about the operation it shows; text in strings is not code
        codeToTopic.put("print(3 * '2')", "strings");
        codeToTopic.put("print([1, 2] * 3)", "lists");
        codeToTopic.put("d = {'a': 1}\nprint(d.get('b', 0))", "dictionaries");
        codeToTopic.put("print({1, 2, 2, 3})", "sets");
        codeToTopic.put("print('a: b'[::-1])", "slicing");
        codeToTopic.put("print(0 or 'default')", "booleans");
        codeToTopic.put("print(7 // 2, 7 % 2)", "arithmetic-operators");
        // a function only called after its definition is not recursive
        codeToTopic.put("def double(n):\n    return n * 2\nprint(double(4))", "defining-functions");
        codeToTopic.put("try:\n    x = int('a')\nexcept ValueError:\n    x = 0", "try-except");
        codeToTopic.put("n = 10\nwhile n > 0:\n    n -= 3", "while-loops");
        codeToTopic.put("total = 0\nfor n in [1, 2, 3]:\n    total += n", "for-loops");
        codeToTopic.forEach((code, topic) -> assertThat(SubjectQuestionsTest.about(
                AnswerPlannerTest.planner.planForCode("what does this do?", code))).as(code).startsWith(topic));
    }

    @Test
    void anExpressionAskedAboutIsExplainedByWhatItUses() {
        // what triage sends for a quiz's bare expression: the question, and the expression printed
        assertThat(SubjectQuestionsTest.about(AnswerPlannerTest.planner.planForCode(
                "what is the output of 'abc'[::-1]", "print('abc'[::-1])\n"))).startsWith("slicing");
        assertThat(SubjectQuestionsTest.about(AnswerPlannerTest.planner.planForCode(
                "whats the output of [x*2 for x in range(4) if x % 2]", "print([x*2 for x in range(4) if x % 2])\n")))
                .startsWith("comprehensions");
    }

    @Test
    void aPastedErrorThatNothingElseFitsGetsItsOwnSection() {
        AnswerPlanner.Plan plan = AnswerPlannerTest.planner.plan("ValueError: math domain error", null);
        assertThat(plan).isInstanceOfSatisfying(AnswerPlanner.DocPlan.class,
                d -> assertThat(d.hit().passage().section()).contains("ValueError"));
    }

    @Test
    void callsInsideAConstructALessonOwnsDoNotPickTheAnswer() {
        // range(len(...)) is what the enumerate lesson replaces; range and len are its parts
        assertThat(about("i number my tasks with range(len(tasks)) and add 1 everywhere, is there a cleaner way"))
                .startsWith("enumerate-and-zip");
        // an off-by-one range is still about the error, not enumerate
        assertThat(about("IndexError: list index out of range in my loop, i did range(len(x)+1)"))
                .doesNotStartWith("enumerate-and-zip");
        assertThat(about("read a spreadsheet saved as csv and add up a column")).startsWith("csv-files");
        assertThat(about("TypeError: __init__() takes 1 positional argument but 2 were given"))
                .startsWith("classes-and-objects");
        // __init__ written as a method is the classes lesson's; the package file __init__.py stays the packages'
        assertThat(about("TypeError: __init__() missing 1 required positional argument: 'name' when i make an object"))
                .startsWith("classes-and-objects");
        assertThat(about("what is the __init__.py file for")).startsWith("packages");
    }
}
