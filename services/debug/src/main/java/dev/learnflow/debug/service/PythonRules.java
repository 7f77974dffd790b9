package dev.learnflow.debug.service;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A "wrong result" that is one of Python's own rules: the program is only values and Python's operations
 * ({@code print(round(2.5))}, {@code print(-7 // 2)}, {@code x = 0.1 + 0.2; print(x)}), so nothing in it is the
 * student's to get wrong; what surprised them is how Python defines the operation. Such a program gets the rule, not
 * hints that ask where "the program" goes wrong, and is not counted as one of the student's mistakes. The rules'
 * sentences are in {@code debug/answer-texts.properties} ({@code python-rule.<key>}).
 */
final class PythonRules {

    /** A rule and the code that shows it, most specific first (a rounding before the decimals it rounds). */
    private record Rule(String key, Pattern shows) {
        Rule(String key, String regex) {
            this(key, Pattern.compile(regex));
        }
    }

    private static final String NUMBER = "\\d+(?:\\.\\d+)?";
    private static final List<Rule> RULES = List.of(
            new Rule("round", "\\bround\\s*\\("),
            new Rule("power-after-minus", "(?:^|[=(,\\[]|\\s)-\\s*" + NUMBER + "\\s*\\*\\*"),
            new Rule("floor-division-negative", "-\\s*" + NUMBER + "\\s*(?://|%)|(?://|%)\\s*\\(?\\s*-\\s*\\d"),
            new Rule("string-comparison", "[\"'][^\"'\\n]*[\"']\\s*(?:<=?|>=?)\\s*[\"']"),
            new Rule("bool-of-string", "\\bbool\\s*\\(\\s*[\"']"),
            new Rule("int-cuts-off", "\\bint\\s*\\(\\s*-?\\d+\\.\\d+|\\bint\\s*\\([^()]*/"),
            new Rule("float-decimals", "\\d*\\.\\d+\\s*[-+*/]|[-+*/]\\s*\\d*\\.\\d+"),
            new Rule("true-division", "\\d\\s*/\\s*\\d"),
            new Rule("string-repetition", "[\"']\\s*\\*\\s*\\d|\\d\\s*\\*\\s*[\"']"),
            new Rule("string-concatenation", "[\"']\\s*\\+\\s*[\"']"),
            new Rule("identity", "\\bis\\b"),
            new Rule("and-or-operand", "\\b(?:and|or)\\b"));

    /** Names a demonstration may use: Python's own functions and values. */
    private static final Set<String> PYTHONS_OWN = Set.of("print", "round", "int", "float", "str", "bool", "len",
            "abs", "max", "min", "sum", "sorted", "list", "tuple", "set", "dict", "type", "divmod", "pow", "range",
            "repr", "chr", "ord", "and", "or", "not", "is", "in", "True", "False", "None", "if", "else");
    private static final Pattern STATEMENT = Pattern.compile("^(?:print\\s*\\((.*)\\)|([A-Za-z_]\\w*)\\s*=(?!=)\\s*(.+))$");
    private static final Pattern STRING = Pattern.compile("([\"'])[^\"'\\n]*\\1");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*");

    /**
     * An expression written in a question without code, said to give something or asked why ("why does -7 // 2 give
     * -4", "round(2.5) gives 2?", "0.1 + 0.2 = 0.30000000000000004"): literals with an operator, or a built-in called
     * on literals.
     */
    private static final String LITERAL = "(?:-?\\d+(?:\\.\\d+)?|\"[^\"\\n]{0,30}\"|'[^'\\n]{0,30}')";
    private static final Pattern ASKED_EXPRESSION = Pattern.compile("(?i)(?:\\bwhy (?:does|do|is|did) |how come |^)\\s*"
            + "((?:round|int|bool|float|str)\\(\\s*" + LITERAL + "(?:\\s*,\\s*\\d+)?\\s*\\)|" + LITERAL
            + "(?:\\s*(?://|\\*\\*|==|!=|[-+*/%<>]=?)\\s*" + LITERAL + ")+)"
            + "(?=\\s*(?:\\?|gives?\\b|gave\\b|returns?\\b|returned\\b|prints?\\b|printed\\b|shows?\\b|is\\b|equals?\\b|=|->|"
            + "outputs?\\b|comes? out\\b|results? in\\b|evaluates? to\\b))");

    private PythonRules() {
    }

    /** The rule behind an expression a question without code asks about ({@link #ASKED_EXPRESSION}), if any. */
    static Optional<String> inQuestion(String question) {
        if (question == null) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder();
        Matcher m = ASKED_EXPRESSION.matcher(question.strip());
        while (m.find()) {
            code.append("print(").append(m.group(1).strip()).append(")\n");
        }
        return code.isEmpty() ? Optional.empty() : behind(code.toString());
    }

    /** The rule behind a surprising result of code that is only values and Python's operations, if any. */
    static Optional<String> behind(String code) {
        if (code == null || code.isBlank() || !onlyPythonsOwn(code)) {
            return Optional.empty();
        }
        String withoutComments = code.replaceAll("(?m)\\s+#.*$|^\\s*#.*$", "");
        return RULES.stream().filter(r -> r.shows().matcher(withoutComments).find()).map(Rule::key).findFirst();
    }

    /**
     * Whether every statement prints or names a value built only from literals, Python's own functions and names
     * the code gave such a value before; at least one prints.
     */
    static boolean onlyPythonsOwn(String code) {
        Set<String> named = new HashSet<>();
        boolean prints = false;
        for (String raw : code.split("\n|;")) {
            String line = raw.replaceAll("\\s+#.*$", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (raw.startsWith(" ") || raw.startsWith("\t")) {
                return false;   // a block: a loop, a function, a condition is the student's own logic
            }
            Matcher statement = STATEMENT.matcher(line);
            if (!statement.matches()) {
                return false;
            }
            String value = statement.group(1) != null ? statement.group(1) : statement.group(3);
            Matcher name = NAME.matcher(STRING.matcher(value).replaceAll("''"));
            while (name.find()) {
                if (!PYTHONS_OWN.contains(name.group()) && !named.contains(name.group())
                        && !name.group().matches("[eE]\\d*|[jJ]")) {   // 1e3, 2j
                    return false;
                }
            }
            if (statement.group(2) != null) {
                named.add(statement.group(2));
            } else {
                prints = true;
            }
        }
        return prints;
    }
}
