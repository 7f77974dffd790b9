package dev.learnflow.debug;

import dev.learnflow.debug.domain.Diagnosis;
import dev.learnflow.debug.domain.ParsedError;
import dev.learnflow.debug.service.CodeFacts;
import dev.learnflow.debug.service.ErrorCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's texts come from {@code debug/error-catalog.properties}: every branch of {@link ErrorCatalog} finds
 * all five texts, with every placeholder filled and the student's names in them. (When the texts moved out of Java,
 * these cases produced exactly the diagnoses of the Java-string version.)
 */
class ErrorCatalogTextsTest {
    static final Object[][] CASES = {
        {"NameError", "name 'totl' is not defined", 2, null, "total = 1\nprint(totl)\n"},
        {"NameError", "name 'prnt' is not defined. Did you mean: 'print'?", 1, null, null},
        {"NameError", "name 'x' is not defined", 1, null, "print(x)\nx = 1\n"},
        {"NameError", "name 'y' is not defined", 3, null, "def f():\n    y = 1\nprint(y)\n"},
        {"NameError", "name 'true' is not defined", 1, null, "a = true\n"},
        {"NameError", "name 'foo' is not defined", 1, null, "print(foo)\n"},
        {"NameError", "weird", 1, null, null},
        {"UnboundLocalError", "local variable 'tally' referenced before assignment", 3, null, null},
        {"UnboundLocalError", "cannot access local variable 'n' where it is not associated with a value", 3, null, null},
        {"UnboundLocalError", "odd", 3, null, null},
        {"TypeError", "can only concatenate str (not \"int\") to str", 1, null, null},
        {"TypeError", "unsupported operand type(s) for +: 'int' and 'str'", 1, null, null},
        {"TypeError", "unsupported operand type(s) for +: 'NoneType' and 'int'", 1, null, null},
        {"TypeError", "unsupported operand type(s) for -: 'int' and 'list'", 1, null, null},
        {"TypeError", "'int' object is not callable", 1, null, null},
        {"TypeError", "'NoneType' object is not subscriptable", 1, null, null},
        {"TypeError", "'function' object is not subscriptable", 1, null, null},
        {"TypeError", "'builtin_function_or_method' object is not subscriptable", 1, null, null},
        {"TypeError", "'int' object is not subscriptable", 1, null, null},
        {"TypeError", "area() missing 1 required positional argument: 'h'", 1, null, null},
        {"TypeError", "add() takes 1 positional argument but 2 were given", 1, null, null},
        {"TypeError", "add() takes 2 positional arguments but 4 were given", 1, null, null},
        {"TypeError", "'int' object is not iterable", 1, null, null},
        {"TypeError", "'NoneType' object is not iterable", 1, null, null},
        {"TypeError", "list indices must be integers or slices, not float", 1, null, null},
        {"TypeError", "unhashable type: 'list'", 1, null, null},
        {"TypeError", "object of type 'int' has no len()", 1, null, null},
        {"ValueError", "invalid literal for int() with base 10: '3.5'", 1, null, null},
        {"ValueError", "invalid literal for int() with base 10: 'xyz'", 1, null, null},
        {"ValueError", "invalid literal for float(): x", 1, null, null},
        {"ValueError", "too many values to unpack (expected 2, got 3)", 1, null, null},
        {"ValueError", "not enough values to unpack (expected 3, got 2)", 1, null, null},
        {"ValueError", "too many values to unpack (expected 2)", 1, null, null},
        {"ValueError", "not enough values to unpack (expected 2)", 1, null, null},
        {"ValueError", "list.remove(x): x not in list", 1, null, null},
        {"ValueError", "math domain error", 1, null, null},
        {"ValueError", "something else", 1, null, null},
        {"IndexError", "list index out of range", 1, null, null},
        {"IndexError", "string index out of range", 1, null, null},
        {"IndexError", "tuple index out of range", 1, null, null},
        {"IndexError", "pop from empty list", 1, null, null},
        {"KeyError", "'age'", 1, null, null},
        {"KeyError", "", 1, null, null},
        {"AttributeError", "'NoneType' object has no attribute 'append'", 1, null, null},
        {"AttributeError", "module 'random' has no attribute 'randit'", 1, null, null},
        {"AttributeError", "'list' object has no attribute 'push'", 1, null, null},
        {"AttributeError", "'tuple' object has no attribute 'add'", 1, null, null},
        {"AttributeError", "'str' object has no attribute 'length'", 1, null, null},
        {"AttributeError", "'str' object has no attribute 'append'", 1, null, null},
        {"AttributeError", "'dict' object has no attribute 'append'", 1, null, null},
        {"AttributeError", "'set' object has no attribute 'append'", 1, null, null},
        {"AttributeError", "'Dog' object has no attribute 'bark'", 1, null, null},
        {"AttributeError", "can't set attribute", 1, null, null},
        {"SyntaxError", "expected ':'", 1, 8, null},
        {"SyntaxError", "'(' was never closed", 1, 6, null},
        {"SyntaxError", "was never closed", 1, null, null},
        {"SyntaxError", "unmatched ')'", 1, 3, null},
        {"SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, null, null},
        {"SyntaxError", "unterminated string literal (detected at line 1)", 1, 7, null},
        {"SyntaxError", "EOL while scanning string literal", 1, null, null},
        {"SyntaxError", "unterminated triple-quoted string literal", 1, null, null},
        {"SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, null, null},
        {"SyntaxError", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, null, null},
        {"SyntaxError", "cannot assign to literal", 1, null, null},
        {"SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, null, null},
        {"SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 4, null},
        {"SyntaxError", "unexpected EOF while parsing", 1, null, null},
        {"SyntaxError", "incomplete input", 1, null, null},
        {"SyntaxError", "invalid character '“' (U+201C)", 1, 7, null},
        {"SyntaxError", "invalid syntax", 1, 2, null},
        {"SyntaxError", "", 1, null, null},
        {"IndentationError", "expected an indented block after 'if' statement on line 1", 2, null, null},
        {"IndentationError", "expected an indented block", 2, null, null},
        {"IndentationError", "unexpected indent", 2, null, null},
        {"IndentationError", "unindent does not match any outer indentation level", 2, null, null},
        {"IndentationError", "too many levels", 2, null, null},
        {"TabError", "inconsistent use of tabs and spaces in indentation", 2, null, null},
        {"ModuleNotFoundError", "No module named 'pandas'", 1, null, null},
        {"ModuleNotFoundError", "", 1, null, null},
        {"ImportError", "cannot import name 'x' from 'y'", 1, null, null},
        {"FileNotFoundError", "[Errno 2] No such file or directory: 'data.txt'", 1, null, null},
        {"FileNotFoundError", "", 1, null, null},
        {"FileExistsError", "x", 1, null, null},
        {"RecursionError", "maximum recursion depth exceeded", 1, null, null},
        {"AssertionError", "", 1, null, null},
        {"AssertionError", "expected `5`", 1, null, null},
        {"StopIteration", "", 1, null, null},
        {"OverflowError", "math range error", 1, null, null},
        {"RuntimeError", "dictionary changed size during iteration", 1, null, null},
        {"RuntimeError", "boom", 1, null, null},
        {"PermissionError", "x", 1, null, null},
        {"IsADirectoryError", "x", 1, null, null},
        {"UnicodeDecodeError", "x", 1, null, null},
        {"NotImplementedError", "", 1, null, null},
        {"JSONDecodeError", "", 1, null, null},
        {"JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", 1, null, null},
        {"EOFError", "EOF when reading a line", 1, null, null},
        {"MemoryError", "", 1, null, null},
        {"KeyboardInterrupt", "", 1, null, null},
        {"FooError", "", 1, null, null},
        {"FooError", "bar `baz`", 1, null, null},
    };

    @Test
    void everyBranchHasAllItsTextsWithEveryPlaceholderFilled() {
        for (Object[] c : CASES) {
            ParsedError error = new ParsedError((String) c[0], (String) c[1], (Integer) c[2], (Integer) c[3], null,
                    List.of());
            Diagnosis d = ErrorCatalog.diagnose(error, new CodeFacts((String) c[4]));
            for (String text : List.of(d.explanation(), d.focus(), d.problem(), d.fix(), d.habit())) {
                assertThat(text).as(c[0] + " " + c[1]).isNotBlank().doesNotContainPattern("\\{[a-zA-Z]+}");
            }
        }
        assertThat(ErrorCatalog.timeout().explanation()).contains("did not finish in time");
    }

    @Test
    void factsFromTheMessageAndTheCodeAreInTheTexts() {
        Diagnosis typo = ErrorCatalog.diagnose(new ParsedError("NameError", "name 'totl' is not defined", 2, null,
                null, List.of()), new CodeFacts("total = 1\nprint(totl)\n"));
        assertThat(typo.problem()).isEqualTo("`totl` is never defined, but `total` is (line 1): this looks like a typo.");
        Diagnosis self = ErrorCatalog.diagnose(new ParsedError("TypeError",
                "add() takes 1 positional argument but 2 were given", 3, null, null, List.of()), new CodeFacts(null));
        assertThat(self.problem()).contains("passes 2 arguments but `add` accepts 1").contains("lacks `self`");
        assertThat(self.fix()).endsWith("(methods take `self` first).");
        Diagnosis assertion = ErrorCatalog.diagnose(new ParsedError("AssertionError", "", 1, null, null, List.of()),
                new CodeFacts(null));
        assertThat(assertion.problem()).isEqualTo("The value being checked is not what the assertion expects.");
    }
}
