package dev.learnflow.debug.service;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-words knowledge of the Python errors beginners meet, specialised by the message and by the student's code
 * (a misspelt name is named, the line it should match is pointed at). Every text here describes; none of it
 * contains corrected code, only short inline names and operators.
 */
public final class ErrorCatalog {

    /** The exception types with their own entry (SyntaxError variants are told apart by message). */
    public static final Set<String> KNOWN_TYPES = Set.of(
            "NameError", "UnboundLocalError", "TypeError", "ValueError", "IndexError", "KeyError", "AttributeError",
            "ZeroDivisionError", "SyntaxError", "IndentationError", "TabError", "ModuleNotFoundError", "ImportError",
            "FileNotFoundError", "RecursionError", "AssertionError", "StopIteration", "OverflowError", "RuntimeError",
            "PermissionError", "IsADirectoryError", "UnicodeDecodeError", "NotImplementedError", "JSONDecodeError",
            "EOFError", "MemoryError", "KeyboardInterrupt", "FileExistsError");

    private ErrorCatalog() {
    }

    public static Diagnosis diagnose(ParsedError error, CodeFacts code) {
        String m = error.message();
        return switch (error.type()) {
            case "NameError" -> nameError(m, error, code);
            case "UnboundLocalError" -> unboundLocal(m);
            case "TypeError" -> typeError(m);
            case "ValueError" -> valueError(m);
            case "IndexError" -> indexError(m);
            case "KeyError" -> keyError(m);
            case "AttributeError" -> attributeError(m);
            case "ZeroDivisionError" -> new Diagnosis(
                    "A `ZeroDivisionError` means the program divided by zero (with `/`, `//` or `%`), which has no "
                            + "answer in arithmetic.",
                    "the right-hand side of the division and where its value comes from",
                    "The divisor is 0 at the moment this line runs — often an empty list's length, a counter that "
                            + "never increased, or input that was 0.",
                    "Decide what the program should do when the divisor is zero and check for that case before "
                            + "dividing (for an average of nothing, report that there is no data).",
                    "Before dividing, ask yourself: can this divisor ever be zero? If so, handle that case first.");
            case "SyntaxError" -> syntaxError(m, error);
            case "IndentationError" -> indentationError(m);
            case "TabError" -> new Diagnosis(
                    "A `TabError` means the indentation mixes tab characters and spaces, so Python cannot tell "
                            + "which lines belong to which block.",
                    "the whitespace at the start of this line compared with the lines above it",
                    "Some lines of this block are indented with tabs and others with spaces.",
                    "Re-indent the block using spaces only (four per level); most editors can convert tabs to "
                            + "spaces for you.",
                    "Set your editor to insert four spaces when you press Tab.");
            case "ModuleNotFoundError" -> moduleNotFound(m);
            case "ImportError" -> new Diagnosis(
                    "An `ImportError` means the module was found, but the name you asked for is not in it.",
                    "the name after `import` on this line",
                    "The module has no such name: it is misspelt, lives in a different module, or your own file "
                            + "has the same name as the module and is imported instead.",
                    "Check the spelling and the module's documentation for where that name lives, and make sure "
                            + "none of your files is named like the module.",
                    "Look names up in the module's documentation instead of guessing them.");
            case "FileNotFoundError" -> fileNotFound(m);
            case "FileExistsError" -> new Diagnosis(
                    "A `FileExistsError` means the program asked to create a file or folder that already exists "
                            + "(for example with mode `'x'` or `mkdir`).",
                    "the path being created on this line",
                    "The file or folder is already there, and this call refuses to overwrite it.",
                    "Check whether it exists first, choose another name, or use a mode that allows overwriting "
                            + "if that is really what you want.",
                    "Decide up front whether your program creates, replaces or appends.");
            case "RecursionError" -> new Diagnosis(
                    "A `RecursionError` means a function kept calling itself until Python's limit (about 1000 "
                            + "nested calls) was reached.",
                    "the recursive call on this line and the condition that should stop it",
                    "The recursion never reaches its base case: either there is no base case, or the recursive "
                            + "call does not move the argument closer to it.",
                    "Make sure there is a case that returns without calling the function again, and that every "
                            + "recursive call works on a smaller problem (a smaller number, a shorter list).",
                    "Write the base case first, then check that each call gets closer to it.");
            case "AssertionError" -> new Diagnosis(
                    "An `AssertionError` means an `assert` statement found its condition false: something the "
                            + "program (or a test) expected to be true was not.",
                    "the condition of the `assert` on this line",
                    "The value being checked is not what the assertion expects" + (m.isBlank() ? "."
                            : " (its message says: " + quote(m) + ")."),
                    "Print the values used in the condition just before the assert and trace back to where they "
                            + "were computed; fix that computation rather than the assert.",
                    "When an assert fails, find where the wrong value was made, not where it was noticed.");
            case "StopIteration" -> new Diagnosis(
                    "A `StopIteration` means `next()` was called on an iterator that had no items left.",
                    "the `next(...)` call on this line",
                    "The iterator is already exhausted (or was empty from the start) when `next` is called.",
                    "Loop over the iterator with `for`, or give `next` a default value as its second argument "
                            + "for the case when nothing is left.",
                    "Prefer `for` loops over calling `next` by hand.");
            case "OverflowError" -> new Diagnosis(
                    "An `OverflowError` means a number became too large for a float (integers can grow, floats "
                            + "cannot).",
                    "the calculation on this line that produces a very large float",
                    "A float calculation (often `**`, `math.exp` or a growing loop value) went past the largest "
                            + "representable float.",
                    "Check the inputs and the growth of the value; keep integers as integers, or limit how "
                            + "large the value may get.",
                    "Watch values that grow each time round a loop.");
            case "RuntimeError" -> runtimeError(m);
            case "PermissionError" -> new Diagnosis(
                    "A `PermissionError` means the operating system refused the file operation: the program "
                            + "may not read or write that path.",
                    "the path used on this line",
                    "The file or folder is protected, or the program tries to write somewhere it may not.",
                    "Use a path inside your own working folder, and open files for writing only where you are "
                            + "allowed to create them.",
                    "Keep your program's files in its own folder.");
            case "IsADirectoryError" -> new Diagnosis(
                    "An `IsADirectoryError` means the program tried to open a folder as if it were a file.",
                    "the path passed to `open` on this line",
                    "The path names a directory, not a file.",
                    "Add the file's name to the path, or list the folder's files and open each one.",
                    "Print paths before opening them when unsure what they point to.");
            case "UnicodeDecodeError" -> new Diagnosis(
                    "A `UnicodeDecodeError` means the bytes in a file could not be read as text in the encoding "
                            + "Python used.",
                    "the `open` call that reads this file and its `encoding`",
                    "The file is not in the encoding being used (or it is not a text file at all).",
                    "Open the file with the encoding it was written in, usually by passing `encoding='utf-8'` "
                            + "to `open`, or open it in binary mode if it is not text.",
                    "Always pass an explicit encoding to `open` for text files.");
            case "NotImplementedError" -> new Diagnosis(
                    "A `NotImplementedError` is raised on purpose by code that is not written yet — usually a "
                            + "method a subclass is supposed to provide.",
                    "the method that raises it and which class should provide it",
                    "The program calls a method that is still a placeholder, or a subclass did not override it.",
                    "Implement that method in the class you are using (or call it on a subclass that does).",
                    "When a base class raises NotImplementedError, each subclass must override that method.");
            case "JSONDecodeError" -> new Diagnosis(
                    "A `JSONDecodeError` means the text given to `json.loads`/`json.load` is not valid JSON.",
                    "the text being parsed on this line",
                    "The input is empty, uses single quotes, has a trailing comma, or is not JSON at all "
                            + (m.isBlank() ? "" : "(" + m + ")") + ".",
                    "Print the exact text before parsing it and compare it with JSON's rules (double quotes, no "
                            + "trailing commas).",
                    "Look at the raw data before parsing it.");
            case "EOFError" -> new Diagnosis(
                    "An `EOFError` means `input()` was called but there was no more input to read.",
                    "the `input()` call on this line",
                    "The program asks for more lines of input than it was given (when it runs here, standard "
                            + "input may be empty).",
                    "Provide the input the program expects, or read only as many lines as there are.",
                    "Count how many times your program calls input() and compare it with the input you give.");
            case "MemoryError" -> new Diagnosis(
                    "A `MemoryError` means the program tried to use more memory than it may.",
                    "the data structure that grows on this line",
                    "Something grows without limit — usually a list appended to inside a loop that never ends.",
                    "Find the loop that keeps growing the data and make sure it stops, or process items one at a "
                            + "time instead of keeping all of them.",
                    "Check that every loop that adds to a list also ends.");
            case "KeyboardInterrupt" -> new Diagnosis(
                    "A `KeyboardInterrupt` means the program was stopped from outside (Ctrl+C) — usually because "
                            + "it seemed to hang.",
                    "the loop that was running when it was stopped",
                    "The program was probably stuck in a loop whose condition never became false, or waiting for "
                            + "input.",
                    "Check that the loop's condition changes inside the loop so it can end.",
                    "For every while loop, name the line that eventually makes its condition false.");
            default -> generic(error);
        };
    }

    /** Not a Python exception: the sandbox stopped a run that did not finish in time. */
    public static Diagnosis timeout() {
        return new Diagnosis(
                "The program did not finish in time and was stopped: it is most likely stuck in a loop that never "
                        + "ends, or waiting for input that never comes.",
                "every while loop and the line that should eventually make its condition false",
                "A loop's condition never becomes false — the variable it checks is not changed inside the loop, "
                        + "or changes in the wrong direction.",
                "Make sure something inside the loop moves it towards its end (update the counter, read the next "
                        + "value, or break when done).",
                "For every while loop, name the line that eventually makes its condition false.");
    }

    private static Diagnosis nameError(String message, ParsedError error, CodeFacts code) {
        String name = group(message, "name '([^']+)' is not defined").orElse(null);
        if (name == null) {
            return generic(error);
        }
        String explanation = "A `NameError` means Python met the name `" + name + "` and does not know it: no "
                + "variable, function or module of that name exists at that point.";
        Optional<String> suggestion = code.similarDefinedName(name)
                .or(() -> group(message, "Did you mean: '([^']+)'\\?"));
        if (suggestion.isPresent()) {
            String other = suggestion.get();
            String where = code.definitionLine(other).map(l -> " (line " + l + ")").orElse("");
            return new Diagnosis(explanation, "the spelling of `" + name + "`",
                    "`" + name + "` is never defined, but `" + other + "` is" + where + ": this looks like a typo.",
                    "Use exactly the same spelling as where the name was defined — `" + other + "` — everywhere "
                            + "you mean that value.",
                    "Names must match letter for letter (and in case); copy a name instead of retyping it.");
        }
        Optional<Integer> definedAt = code.definitionLine(name);
        if (definedAt.isPresent() && error.line() != null && definedAt.get() > error.line()) {
            return new Diagnosis(explanation, "where `" + name + "` gets its value compared with this line",
                    "`" + name + "` is used on line " + error.line() + " but only gets a value on line "
                            + definedAt.get() + ", which runs later.",
                    "Give `" + name + "` its value before the line that uses it (move the assignment up, or the use "
                            + "down).",
                    "Python runs top to bottom: a name must be assigned before it is used.");
        }
        if (definedAt.isPresent()) {
            return new Diagnosis(explanation, "where `" + name + "` is defined and where it is used",
                    "`" + name + "` is defined in a different scope (for example inside a function) than the "
                            + "place that uses it.",
                    "Return the value from the function and store it in a variable where you need it, instead of "
                            + "reaching into the function's local names.",
                    "Names created inside a function exist only inside it; pass values out with return.");
        }
        if (Set.of("true", "false", "none", "null").contains(name.toLowerCase(Locale.ROOT))) {
            return new Diagnosis(explanation, "the capitalisation of `" + name + "`",
                    "Python's constants are written `True`, `False` and `None` with a capital letter.",
                    "Write the constant with its capital first letter.",
                    "Python's built-in constants start with a capital letter.");
        }
        return new Diagnosis(explanation, "the name `" + name + "`",
                "`" + name + "` is never given a value (or imported) anywhere before this line. If you meant the "
                        + "text " + name + ", it needs quotes to be a string.",
                "Either assign `" + name + "` a value before this line, import it, or put quotes around it if it "
                        + "is meant as text.",
                "Before using a name, check where it is created; text needs quotes.");
    }

    private static Diagnosis unboundLocal(String message) {
        String name = group(message, "local variable '([^']+)'").orElse("the variable");
        return new Diagnosis(
                "An `UnboundLocalError` means a function reads a local variable before giving it a value. Because "
                        + "the function assigns to `" + name + "` somewhere, Python treats it as local in the whole "
                        + "function — even on lines before that assignment.",
                "the first line in this function that reads `" + name + "`",
                "`" + name + "` is assigned inside the function, so the outer variable of the same name is not "
                        + "used; at this line the local one has no value yet.",
                "Pass the value in as a parameter and return the new value, or (if you really mean the global "
                        + "variable) declare it with `global` at the top of the function.",
                "Assigning to a name inside a function makes it local to that function.");
    }

    private static Diagnosis typeError(String m) {
        String explanation = "A `TypeError` means an operation got a value of the wrong type — for example adding "
                + "text to a number, or calling something that is not a function.";
        Matcher concat = Pattern.compile("can only concatenate (\\w+) \\(not \"(\\w+)\"\\) to (\\w+)").matcher(m);
        if (concat.find()) {
            return new Diagnosis(explanation, "the `+` on this line and the types of both sides",
                    "`+` joins a " + concat.group(1) + " with a " + concat.group(2) + "; Python will not convert "
                            + "between them on its own.",
                    "Convert the " + concat.group(2) + " to a " + concat.group(1) + " before joining (for text, "
                            + "`str()` or an f-string), or convert the text to a number if you meant arithmetic.",
                    "Know the type of each value you combine; input() always gives text.");
        }
        Matcher operand = Pattern.compile("unsupported operand type\\(s\\) for ([^:]+): '(\\w+)' and '(\\w+)'")
                .matcher(m);
        if (operand.find()) {
            String op = operand.group(1).strip();
            String hint = m.contains("'str'") ? " If one side came from `input()`, it is text until you convert it "
                    + "with `int()` or `float()`." : "";
            if (m.contains("'NoneType'")) {
                hint = " One side is `None` — often the result of a function that prints instead of returning.";
            }
            return new Diagnosis(explanation, "the `" + op + "` on this line and the type of each operand",
                    "`" + op + "` cannot combine a `" + operand.group(2) + "` and a `" + operand.group(3) + "`." + hint,
                    "Make both operands the same kind of value before the operation (convert the one that has the "
                            + "wrong type where it is created).",
                    "Check the types of values that come from input() or from functions.");
        }
        Matcher notCallable = Pattern.compile("'(\\w+)' object is not callable").matcher(m);
        if (notCallable.find()) {
            return new Diagnosis(explanation, "the parentheses `(...)` after a name on this line",
                    "A value of type `" + notCallable.group(1) + "` is being called like a function. Usually a "
                            + "variable has the same name as a function (for example `sum` or `list`) and hides "
                            + "it, or an operator such as `*` is missing before a parenthesis.",
                    "Rename the variable that hides the function, or add the missing operator.",
                    "Never name variables after built-ins such as list, str, sum, max or input.");
        }
        Matcher notSubscriptable = Pattern.compile("'(\\w+)' object is not subscriptable").matcher(m);
        if (notSubscriptable.find()) {
            String type = notSubscriptable.group(1);
            String why = type.equals("NoneType") ? " The value is `None`: a function probably returned nothing."
                    : type.equals("function") || type.equals("builtin_function_or_method")
                    ? " A function is indexed with `[...]` where it should be called with `(...)`." : "";
            return new Diagnosis(explanation, "the square brackets `[...]` on this line",
                    "Square brackets are used on a `" + type + "`, which cannot be indexed." + why,
                    "Index only lists, tuples, strings and dicts; check what the value really is where it is "
                            + "created.",
                    "Print type(value) when a value is not what you expect.");
        }
        Matcher missing = Pattern.compile("(\\w+)\\(\\) missing (\\d+) required positional arguments?: (.+)")
                .matcher(m);
        if (missing.find()) {
            return new Diagnosis(explanation, "the call to `" + missing.group(1) + "` on this line",
                    "`" + missing.group(1) + "` needs " + missing.group(2) + " more argument(s) (" + missing.group(3)
                            + ") than this call passes.",
                    "Pass a value for every parameter the function defines, in the same order as in its `def`.",
                    "Compare each call with the function's def line.");
        }
        Matcher takes = Pattern.compile("(\\w+)\\(\\) takes (\\d+) positional arguments? but (\\d+) (?:was|were) given")
                .matcher(m);
        if (takes.find()) {
            boolean self = Integer.parseInt(takes.group(3)) == Integer.parseInt(takes.group(2)) + 1;
            return new Diagnosis(explanation, "the call to `" + takes.group(1) + "` and its `def` line",
                    "The call passes " + takes.group(3) + " arguments but `" + takes.group(1) + "` accepts "
                            + takes.group(2) + "." + (self ? " If it is a method, its def probably lacks `self` as "
                            + "the first parameter." : ""),
                    "Make the call and the definition agree on the number of parameters" + (self
                            ? " (methods take `self` first)." : "."),
                    "Methods always take self as their first parameter.");
        }
        Matcher notIterable = Pattern.compile("'(\\w+)' object is not iterable").matcher(m);
        if (notIterable.find()) {
            String type = notIterable.group(1);
            return new Diagnosis(explanation, "what the `for` (or unpacking) on this line loops over",
                    "A `" + type + "` is used where a sequence is needed." + (type.equals("int")
                            ? " To repeat something n times, loop over `range(n)`, not over n itself." : ""),
                    type.equals("int") ? "Loop over a range built from the number instead of the number."
                            : "Loop over a list, string, dict or range; check what the value really is.",
                    "for loops need something to walk through: a list, a string, a range.");
        }
        if (m.contains("indices must be integers")) {
            return new Diagnosis(explanation, "the value inside the square brackets",
                    "A list or string is indexed with something that is not a whole number (often a string from "
                            + "input(), or a float from `/`).",
                    "Convert the index to an int, use `//` for integer division, or use a dict if you meant to look "
                            + "things up by name.",
                    "List positions are whole numbers; names are looked up in dicts.");
        }
        if (m.startsWith("unhashable type")) {
            return new Diagnosis(explanation, "the value used as a dict key or set item",
                    "A mutable value (" + m.replaceFirst("unhashable type: ", "") + ") is used as a dict key or put "
                            + "into a set; only immutable values can be.",
                    "Use an immutable equivalent (a tuple instead of a list, for example) as the key.",
                    "Dict keys and set items must be immutable: numbers, strings, tuples.");
        }
        return new Diagnosis(explanation, "the operation on this line and the type of each value it uses",
                "Python says: " + quote(m) + ".",
                "Find which value has an unexpected type (print it together with type()) and convert it where it "
                        + "is created.",
                "Know the type of each value you combine.");
    }

    private static Diagnosis valueError(String m) {
        String explanation = "A `ValueError` means a function got a value of the right type but with unsuitable "
                + "content — like turning the text `'abc'` into a number.";
        Matcher literal = Pattern.compile("invalid literal for (int|float)\\(\\)(?: with base \\d+)?: (.*)")
                .matcher(m);
        if (literal.find()) {
            return new Diagnosis(explanation, "the `" + literal.group(1) + "(...)` conversion on this line",
                    "The text " + literal.group(2) + " is not a valid " + literal.group(1) + "."
                            + (literal.group(1).equals("int") && literal.group(2).contains(".")
                            ? " A number with a decimal point needs `float()`, not `int()`." : ""),
                    "Check the text before converting it (or catch `ValueError` and ask again), and make sure the "
                            + "input really contains only a number.",
                    "Treat user input as untrusted: validate it before converting.");
        }
        Matcher unpack = Pattern.compile("(too many|not enough) values to unpack \\(expected (\\d+)(?:, got (\\d+))?\\)")
                .matcher(m);
        if (unpack.find()) {
            return new Diagnosis(explanation, "the names on the left of `=` (or after `for`) on this line",
                    "The left side has " + unpack.group(2) + " names but the value on the right has "
                            + (unpack.group(3) != null ? unpack.group(3) : unpack.group(1).equals("too many")
                            ? "more" : "fewer") + " items.",
                    "Make the number of names match the number of items, or unpack a different value (for a "
                            + "dict's keys and values together, loop over `.items()`).",
                    "Count the items on both sides of an unpacking.");
        }
        if (m.contains("not in list")) {
            return new Diagnosis(explanation, "the `remove` or `index` call on this line",
                    "The list does not contain the value you look for.",
                    "Check membership with `in` before removing or searching.",
                    "Check with `in` before removing from a list.");
        }
        if (m.contains("math domain error")) {
            return new Diagnosis(explanation, "the `math` function called on this line and its argument",
                    "The argument is outside what the function accepts (for example the square root or log of a "
                            + "negative number).",
                    "Check the argument's range before calling the function.",
                    "Know the valid inputs of the math functions you call.");
        }
        return new Diagnosis(explanation, "the function called on this line and the value passed to it",
                "Python says: " + quote(m) + ".",
                "Print the value just before this line and compare it with what the function accepts.",
                "Validate values before passing them on.");
    }

    private static Diagnosis indexError(String m) {
        String what = m.startsWith("string") ? "string" : m.startsWith("tuple") ? "tuple" : "list";
        String explanation = "An `IndexError` means the program asked for a position that does not exist in a "
                + what + ": valid positions run from 0 to its length minus one.";
        if (m.contains("pop from empty")) {
            return new Diagnosis(explanation, "the `pop()` on this line",
                    "The list is already empty when `pop` is called.",
                    "Check that the list is not empty before popping (or stop the loop when it is).",
                    "Guard pop() with a check that the list has items.");
        }
        return new Diagnosis(explanation, "the index inside the square brackets and the " + what + "'s length",
                "The index is one past the end (or more): a loop that goes up to the length itself, an index "
                        + "computed as `len(...)`, or a " + what + " that is shorter (or empty) than expected.",
                "Make the largest index you use the length minus one (a `range(len(x))` already stops there), "
                        + "or loop over the items directly instead of over positions.",
                "The last valid index is len(x) - 1.");
    }

    private static Diagnosis keyError(String m) {
        String key = m.isBlank() ? "that key" : m;
        return new Diagnosis(
                "A `KeyError` means a dict was asked for a key it does not contain.",
                "the `[...]` lookup of " + key + " on this line",
                "The dict has no key " + key + " at this point — it is misspelt, has different capitalisation or "
                        + "type (the string `'1'` is not the number `1`), or was never added.",
                "Check with `in` before looking it up, or use `.get(key, default)` when a missing key is normal; "
                        + "otherwise fix the spelling or add the key first.",
                "Print the dict's keys when a lookup fails.");
    }

    private static Diagnosis attributeError(String m) {
        String explanation = "An `AttributeError` means the program used `.something` on a value that has no such "
                + "attribute or method.";
        Matcher none = Pattern.compile("'NoneType' object has no attribute '(\\w+)'").matcher(m);
        if (none.find()) {
            return new Diagnosis(explanation, "the value before `." + none.group(1) + "` and where it was assigned",
                    "That value is `None`. Common causes: assigning the result of a method that changes a list in "
                            + "place (`sort`, `append`, `reverse` return None), or a function without `return`.",
                    "Keep the object itself instead of the method's result, or make the function return the value "
                            + "you need.",
                    "Methods that change a list in place return None.");
        }
        Matcher module = Pattern.compile("module '([\\w.]+)' has no attribute '(\\w+)'").matcher(m);
        if (module.find()) {
            return new Diagnosis(explanation, "`" + module.group(1) + "." + module.group(2) + "` on this line",
                    "The module `" + module.group(1) + "` has no `" + module.group(2) + "`: it is misspelt, or one of "
                            + "your own files is called `" + module.group(1) + ".py` and is imported instead.",
                    "Check the name in the module's documentation and rename any file of yours that shadows the "
                            + "module.",
                    "Never name your own files after standard modules (random.py, math.py, ...).");
        }
        Matcher obj = Pattern.compile("'(\\w+)' object has no attribute '(\\w+)'").matcher(m);
        if (obj.find()) {
            String type = obj.group(1);
            String attribute = obj.group(2);
            String tip = switch (attribute) {
                case "push", "add" -> type.equals("list") ? " Lists grow with `append`." : "";
                case "length", "size", "len" -> " Use the built-in `len(...)` instead of a method.";
                case "append" -> type.equals("str") ? " Strings are immutable; build a new string with `+` or "
                        + "collect pieces in a list." : type.equals("dict") ? " Dicts are updated with "
                        + "`d[key] = value`." : "";
                default -> "";
            };
            return new Diagnosis(explanation, "`." + attribute + "` on this line and the type of the value before it",
                    "A `" + type + "` has no attribute `" + attribute + "`." + tip,
                    "Use a method the " + type + " really has (check its documentation or `dir(value)`), or make "
                            + "sure the value is the type you expect.",
                    "Look up the methods of a type instead of guessing their names.");
        }
        return new Diagnosis(explanation, "the `.name` on this line", "Python says: " + quote(m) + ".",
                "Check the spelling of the attribute and the type of the value before the dot.",
                "Look up the methods of a type instead of guessing their names.");
    }

    private static Diagnosis syntaxError(String m, ParsedError error) {
        String explanation = "A `SyntaxError` means Python could not even read the program: some line breaks the "
                + "language's grammar, so nothing ran.";
        String at = error.column() != null ? "around column " + error.column() + " of this line (the `^` marks it)"
                : "this line and the end of the line above it";
        if (m.startsWith("expected ':'")) {
            return new Diagnosis(explanation, "the end of this line",
                    "A statement that starts a block (`if`, `elif`, `else`, `for`, `while`, `def`, `class`, `try`) "
                            + "must end with a colon, and this one does not.",
                    "Add the missing colon at the end of the line that opens the block.",
                    "Every line that opens an indented block ends with a colon.");
        }
        if (m.contains("was never closed")) {
            String bracket = group(m, "'(.)' was never closed").orElse("bracket");
            return new Diagnosis(explanation, "the `" + bracket + "` on this line and where it should close",
                    "An opening `" + bracket + "` has no matching closing bracket.",
                    "Count opening and closing brackets on this line and add the missing one where the expression "
                            + "ends.",
                    "Type the closing bracket right after the opening one, then fill in between.");
        }
        if (m.startsWith("unmatched") || m.startsWith("closing parenthesis")) {
            return new Diagnosis(explanation, at,
                    "The brackets do not pair up: " + m + ".",
                    "Match each closing bracket with an opening one of the same kind, removing the extra one or "
                            + "adding the missing opener.",
                    "Count brackets when a line gets long.");
        }
        if (m.contains("unterminated string") || m.contains("EOL while scanning")
                || m.contains("unterminated triple-quoted")) {
            return new Diagnosis(explanation, "the quotes on this line",
                    "A string starts with a quote but never ends: the closing quote is missing or is a different "
                            + "kind (`'` versus `\"`).",
                    "Close the string with the same kind of quote it starts with.",
                    "Strings open and close with the same quote character.");
        }
        if (m.contains("Maybe you meant '==' or ':='") || m.contains("cannot assign to")
                && m.contains("Maybe you meant '=='")) {
            return new Diagnosis(explanation, "the `=` in this condition",
                    "A single `=` assigns; comparing needs `==`.",
                    "Use the comparison operator `==` in the condition.",
                    "= stores a value, == compares two values.");
        }
        if (m.startsWith("cannot assign to")) {
            return new Diagnosis(explanation, "the left side of `=` on this line",
                    "Only a name (or an item/attribute) can stand on the left of `=`; here it is " + m
                            .replaceFirst("cannot assign to ", "") + ".",
                    "Put the variable name on the left and the value on the right of `=`.",
                    "The name being assigned always goes on the left of =.");
        }
        if (m.contains("Missing parentheses in call to 'print'")) {
            return new Diagnosis(explanation, "the `print` on this line",
                    "In Python 3, print is a function and needs parentheses around what it prints.",
                    "Put parentheses around print's arguments.",
                    "print is a function: print(...).");
        }
        if (m.contains("Perhaps you forgot a comma")) {
            return new Diagnosis(explanation, at,
                    "Two values stand next to each other without a comma between them.",
                    "Separate the items of the list, tuple or call with commas.",
                    "Items in a list or call are separated by commas.");
        }
        if (m.contains("unexpected EOF") || m.contains("incomplete input")) {
            return new Diagnosis(explanation, "the last lines of the program",
                    "The program ends in the middle of a statement — usually an unclosed bracket or string.",
                    "Find the bracket or quote that was opened and close it.",
                    "Close what you open before moving on.");
        }
        if (m.contains("invalid character")) {
            return new Diagnosis(explanation, at,
                    "The line contains a character Python does not accept in code (often a curly quote or a "
                            + "dash copied from a document).",
                    "Retype that character with the plain keyboard version (straight quotes, minus sign).",
                    "Type code in a code editor, not a word processor.");
        }
        return new Diagnosis(explanation, at,
                "Python stopped reading at this point: " + (m.isBlank() ? "the grammar is broken here" : quote(m))
                        + ". The real mistake is often just before it — a missing colon, bracket, quote or operator.",
                "Compare this line (and the one before it) with the pattern of that statement and add or remove "
                        + "the one symbol that breaks it.",
                "Read the line before the caret too: Python often notices a mistake one token late.");
    }

    private static Diagnosis indentationError(String m) {
        String explanation = "An `IndentationError` means the spaces at the start of a line do not fit the block "
                + "structure: in Python, indentation is what groups lines into blocks.";
        if (m.startsWith("expected an indented block")) {
            String after = group(m, "after '(\\w+)' statement on line (\\d+)").orElse(null);
            return new Diagnosis(explanation, "the line right after the block opener" + (after == null ? ""
                    : " (the `" + after + "` statement)"),
                    "A line ending in a colon must be followed by at least one indented line, and this one is not.",
                    "Indent the body of the block by four spaces (or write `pass` there as a placeholder).",
                    "After a colon, indent the next line.");
        }
        if (m.startsWith("unexpected indent")) {
            return new Diagnosis(explanation, "the spaces at the start of this line",
                    "This line is indented more than the lines around it, but nothing above opens a new block.",
                    "Line it up with the other lines of the same block.",
                    "Only indent after a line that ends with a colon.");
        }
        if (m.startsWith("unindent does not match")) {
            return new Diagnosis(explanation, "the indentation of this line compared with the block it closes",
                    "This line's indentation does not line up with any of the outer blocks — it is off by a "
                            + "space or two.",
                    "Indent it with exactly as many spaces as the block it belongs to.",
                    "Use four spaces per level, consistently.");
        }
        return new Diagnosis(explanation, "the indentation of this line", "Python says: " + quote(m) + ".",
                "Make every line of a block start at the same column, four spaces per level.",
                "Use four spaces per level, consistently.");
    }

    private static Diagnosis moduleNotFound(String m) {
        String module = group(m, "No module named '([^']+)'").orElse("that module");
        return new Diagnosis(
                "A `ModuleNotFoundError` means `import` could not find a module called `" + module + "`.",
                "the module name in the import on this line",
                "`" + module + "` is misspelt, or it is a third-party package that is not installed (the sandbox "
                        + "has only the standard library).",
                "Check the spelling; for a third-party package install it with pip in a virtual environment, or use "
                        + "the standard library instead.",
                "Check the standard library before reaching for a package.");
    }

    private static Diagnosis fileNotFound(String m) {
        String path = group(m, "No such file or directory: (.+)$").orElse("the path");
        return new Diagnosis(
                "A `FileNotFoundError` means the program tried to open a file that does not exist at that path.",
                "the path " + path + " on this line",
                "There is no file at " + path + " relative to the folder the program runs in (or the name is "
                        + "misspelt).",
                "Check the file name and the current working folder; create the file first if the program should "
                        + "write it (mode `'w'`).",
                "Relative paths start from where the program runs, not from where the .py file is.");
    }

    private static Diagnosis runtimeError(String m) {
        if (m.contains("changed size during iteration")) {
            return new Diagnosis(
                    "A `RuntimeError` here means a dict or set was changed while a loop was walking through it.",
                    "the loop over the dict or set and the line that adds or removes items",
                    "Items are added to or removed from the collection the `for` loop is iterating over.",
                    "Loop over a copy (for example `list(d)`), or collect the changes and apply them after the loop.",
                    "Do not change a collection while looping over it.");
        }
        return new Diagnosis("A `RuntimeError` is a general error raised when something goes wrong that fits no "
                + "more specific category.", "the operation on this line", "Python says: " + quote(m) + ".",
                "Read the message closely and check the state of the values involved just before this line.",
                "Read error messages in full.");
    }

    private static Diagnosis generic(ParsedError error) {
        String m = error.message();
        return new Diagnosis(
                "A `" + error.type() + "` was raised: Python stopped because " + (m.isBlank()
                        ? "of an error it could not handle." : "of this problem: " + quote(m) + "."),
                "the line the traceback points to and the values used there",
                "The operation on that line fails with these values" + (m.isBlank() ? "." : ": " + quote(m) + "."),
                "Print the values used on that line just before it runs and compare them with what the operation "
                        + "needs; then fix where the unexpected value is created.",
                "Read the last line of a traceback first: it names the error and the reason.");
    }

    private static Optional<String> group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String quote(String message) {
        return "\"" + message.replace("`", "'") + "\"";
    }
}
