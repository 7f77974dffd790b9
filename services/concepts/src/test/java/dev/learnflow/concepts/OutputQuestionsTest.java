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
        // session 37: more statements a lesson owns
        codeToTopic.put("match cmd:\n    case 'go':\n        print('moving')\n    case _:\n        print('?')",
                "match-statement");
        codeToTopic.put("def outer(k):\n    def inner(x):\n        return x * k\n    return inner", "scope");
        codeToTopic.put("count = 0\ndef inc():\n    count += 1\ninc()", "scope");
        codeToTopic.put("try:\n    n = int('5')\nexcept ValueError:\n    print('bad')\nelse:\n    print(n)",
                "else-and-finally");
        codeToTopic.put("try:\n    f()\nfinally:\n    print('done')", "else-and-finally");
        codeToTopic.put("with open('log.txt', 'w') as out:\n    out.write('hi')", "writing-files");
        codeToTopic.put("for line in open('a.txt'):\n    print(line)", "reading-files");
        codeToTopic.put("while (line := input()) != 'q':\n    print(line)", "assignment-expressions");
        codeToTopic.put("def main():\n    print('hi')\nif __name__ == '__main__':\n    main()", "main-guard");
        codeToTopic.put("def greet(name: str) -> str:\n    return 'hi ' + name", "type-hints");
        codeToTopic.put("import copy\nb = copy.deepcopy([[1], [2]])", "copying");
        codeToTopic.put("merged = {**a, **b}", "dictionaries");
        codeToTopic.put("import random\nprint(random.randint(1, 6))", "random-numbers");
        codeToTopic.put("import helpers\nprint(helpers.VERSION)", "importing-modules");
        codeToTopic.forEach((code, topic) -> assertThat(SubjectQuestionsTest.about(
                AnswerPlannerTest.planner.planForCode("what does this do?", code))).as(code).startsWith(topic));
    }

    private static String aboutCode(String question, String code) {
        return SubjectQuestionsTest.about(AnswerPlannerTest.planner.plan(question, code, null));
    }

    @Test
    void aQuestionThatAsksMoreThanWhatItsCodeGivesIsAnsweredOnItsWordsAndTheCode() {
        // the words say what is asked, the code what it is asked about: the generator, not "list" in the words
        String generator = "g = (n for n in range(3))\nprint(list(g))\nprint(list(g))";
        assertThat(aboutCode("why is the second list empty\n" + generator, generator)).startsWith("generators");
        // a while loop, not the for loops the words sound like
        String loop = "count = 0\nwhile count < 5:\n    print(count)";
        assertThat(aboutCode("why does this loop never stop\n" + loop, loop)).startsWith("while-loops");
        // a method the code calls and the words name is the most specific answer
        String replace = "s = 'hello'\ns.replace('h', 'j')\nprint(s)";
        assertThat(aboutCode("why doesnt replace work?? s still says hello\n" + replace, replace))
                .contains("replace");
        // "difference" beside two functions is no set difference
        String twoFunctions = "double = lambda x: x * 2\ndef double2(x):\n    return x * 2";
        assertThat(aboutCode("is there any difference between these two\n" + twoFunctions, twoFunctions))
                .matches("(?s)(lambdas|defining-functions).*");
        // the student's own count is not str.count
        String robot = "class Robot:\n    count = 0\n    def __init__(self):\n        Robot.count += 1";
        assertThat(aboutCode("why Robot.count += 1 and not self.count += 1?", robot))
                .startsWith("classes-and-objects");
        // words that find a lesson the code cannot show keep it
        String none = "x = None\nif x == None:\n    print('empty')";
        assertThat(aboutCode("should i use == None or is None? does it matter\n" + none, none)).contains("None");
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
