package dev.learnflow.concepts.service;

import dev.learnflow.platform.guard.PythonBrackets;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The construct a piece of code is built around, for "what does this do?" sent with code: the lesson on that
 * construct explains it, whatever topic the student is on. The most specific construct wins (a class before the
 * loops in its methods, a generator or a recursive function before the function it is, a comprehension before the
 * for it writes).
 */
final class CodeConstructs {

    private record Construct(String topicId, Pattern pattern) {
        Construct(String topicId, String regex) {
            this(topicId, Pattern.compile(regex, Pattern.MULTILINE));
        }
    }

    /** Statements a lesson is about, most specific first (a class before the loops in its methods). */
    private static final List<Construct> CONSTRUCTS = List.of(
            new Construct("dataclasses", "^\\s*@dataclass"),
            new Construct("match-statement", "^\\s*match\\s+[^=]+:\\s*(?:#.*)?$"),
            new Construct("assignment-expressions", ":="),
            new Construct("properties", "^\\s*@\\w*\\.?(?:property|setter)\\b"),
            new Construct("class-and-static-methods", "^\\s*@(?:staticmethod|classmethod)\\b"),
            new Construct("custom-exceptions", "^\\s*class\\s+\\w+\\s*\\(\\s*\\w*(?:Exception|Error)\\s*\\)"),
            new Construct("inheritance", "^\\s*class\\s+\\w+\\s*\\(\\s*(?!object\\s*\\))[A-Za-z_]|\\bsuper\\(\\)"),
            new Construct("dunder-methods", "^\\s*def\\s+__(?!init__)[a-z]+__\\s*\\("),
            new Construct("classes-and-objects", "^\\s*class\\s+\\w+"),
            new Construct("main-guard", "^\\s*if\\s+__name__\\s*=="),
            new Construct("generators", "^\\s*def\\s+\\w+[\\s\\S]*^\\s+yield\\b"
                    + "|=\\s*\\(\\s*[^()]+?\\s+for\\s+\\w+\\s+in\\s"),
            // a function whose own body calls it (a call after the function is only its use)
            new Construct("recursion", "^([ \\t]*)def\\s+(\\w+)\\s*\\(.*\\n"
                    + "(?:\\1[ \\t]+.*\\n|[ \\t]*\\n)*?\\1[ \\t]+.*\\b\\2\\s*\\("),
            new Construct("decorators", "^\\s*@[A-Za-z_]"),
            new Construct("scope", "^\\s*(?:global|nonlocal)\\s+\\w"
                    // a global's name assigned inside a function: a local of its own (UnboundLocalError, shadowing)
                    + "|^(\\w+)\\s*=(?!=)[\\s\\S]*?^def\\s+\\w+\\s*\\(.*\\n(?:[ \\t]+.*\\n|[ \\t]*\\n)*?[ \\t]+\\1\\s*[-+*/%]?=(?!=)"
                    // a function defined inside a function (a closure), not a method in a class
                    + "|^([ \\t]*)def\\s+\\w+\\s*\\(.*\\n(?:\\2[ \\t]+.*\\n|[ \\t]*\\n)*?\\2[ \\t]+def\\s+\\w"),
            // "else:" or "finally:" at the indentation of the try's own except
            new Construct("else-and-finally", "^([ \\t]*)try\\s*:[\\s\\S]*?^\\1(?:finally\\s*:|except\\b[\\s\\S]*?^\\1else\\s*:)"),
            new Construct("try-except", "^\\s*try\\s*:"),
            new Construct("raising-exceptions", "^\\s*raise\\b"),
            new Construct("writing-files", "\\bopen\\s*\\([^)]*,\\s*(?:mode\\s*=\\s*)?[\"'][wax]"),
            new Construct("with-statement", "^\\s*with\\s+\\S"),
            new Construct("reading-files", "\\bopen\\s*\\("),
            new Construct("comprehensions", "[\\[{]\\s*[^\\[\\]{}]+?\\s+for\\s+\\w+(?:\\s*,\\s*\\w+)*\\s+in\\s+\\S"),
            new Construct("lambdas", "\\blambda\\b[^:]*:"),
            new Construct("unpacking", "^\\s*\\*?\\w+\\s*,\\s*\\*?\\w+(?:\\s*,\\s*\\*?\\w+)*\\s*=(?!=)"),
            new Construct("type-hints", "^\\s*def\\s+\\w+\\s*\\((?:[^)]*\\w\\s*:\\s*[A-Za-z_]|\\s*\\)\\s*->)|\\)\\s*->\\s*\\S"),
            new Construct("args-and-kwargs", "^\\s*def\\s+\\w+\\s*\\([^)]*\\*\\w|\\w\\s*\\([^()=]*\\*{1,2}[A-Za-z_]"),
            new Construct("copying", "\\bcopy\\.(?:deep)?copy\\(|\\.copy\\(\\)"),
            // "b = a" after "a = [1]": one list under two names
            new Construct("mutability", "^\\s*(\\w+)\\s*=\\s*[\\[{][\\s\\S]*^\\s*\\w+\\s*=\\s*\\1\\s*(?:#.*)?$"),
            new Construct("map-and-filter", "\\b(?:map|filter)\\s*\\("),
            new Construct("defining-functions", "^\\s*def\\s+\\w+\\s*\\("),
            new Construct("nested-loops", "^([ \\t]*)(?:for|while)\\b.*:[ \\t]*\\n"
                    + "(?:\\1[ \\t]+.*\\n|[ \\t]*\\n)*?\\1[ \\t]+(?:for|while)\\b"),
            new Construct("break-and-continue", "^\\s*(?:break|continue)\\s*$"),
            new Construct("while-loops", "^\\s*while\\s+.+:"),
            new Construct("for-loops", "^\\s*for\\s+\\w+(?:\\s*,\\s*\\w+)*\\s+in\\s+.+:"),
            new Construct("conditionals", "^\\s*if\\s+.+:|\\S\\s+if\\s+.+\\s+else\\s+\\S"),
            // a module's lesson before the import that brings it in
            new Construct("random-numbers", "\\brandom\\.[a-z]+\\("),
            new Construct("math-module", "\\bmath\\.[a-z]+"),
            new Construct("importing-modules", "^\\s*(?:import|from)\\s+\\w"));

    /**
     * What a line without those statements is about, by the operation it shows (a dict's method before the list
     * around its result, repetition of a string before arithmetic): for "what is the output of print(3 * '2')".
     */
    private static final List<Construct> OPERATIONS = List.of(
            new Construct("identity-and-equality", "\\S\\s+is\\s+(?:not\\s+)?\\S"),
            new Construct("f-strings", "\\bf[\"']"),
            new Construct("dictionaries", "\\{\\s*[^{}:]+:[^{}]*\\}|\\{\\s*\\*\\*|\\.(?:get|items|keys|values|setdefault)\\("),
            new Construct("sets", "(?<![\\w\"'])\\{[^{}:]+\\}|\\bset\\("),
            new Construct("slicing", "\\[[^\\[\\]{}]*:[^\\[\\]{}]*\\]"),
            new Construct("nested-lists", "\\[\\s*\\["),
            new Construct("strings", "[\"']\\s*\\*\\s*\\w|\\w\\s*\\*\\s*[\"']|[\"']\\s*[<>]=?\\s*[\"']"
                    + "|[\"']\\.[a-z]+\\("),
            new Construct("tuples", "=\\s*\\(\\s*[^()]*,[^()]*\\)"),
            new Construct("lists", "\\]\\s*\\*\\s*\\w|\\.(?:append|extend|insert|pop|remove|reverse)\\("),
            new Construct("booleans", "\\b(?:True|False)\\s*[-+*]|\\b(?:or|and)\\b"),
            new Construct("sorting", "\\bsorted\\(|\\.sort\\("),
            new Construct("enumerate-and-zip", "\\b(?:enumerate|zip)\\("),
            new Construct("type-conversion", "\\b(?:int|float|str|bool)\\s*\\("),
            new Construct("arithmetic-operators", "//|%|[\\w)\\]]\\s*\\*\\*|\\d\\s*[-+*/]\\s*\\d"));

    private static final Pattern STRING_TEXT = Pattern.compile("([\"'])[^\"'\\n]*\\1");

    private CodeConstructs() {
    }

    /** The code with each {@code ;} between statements (outside strings and brackets) made a line break. */
    private static String statementsAsLines(String code) {
        StringBuilder lines = new StringBuilder(code.length());
        PythonBrackets brackets = new PythonBrackets();
        boolean afterBreak = false;
        for (char c : code.toCharArray()) {
            if (c == '\n') {
                brackets = new PythonBrackets();
            }
            boolean between = brackets.next(c) && c == ';' && brackets.depth() == 0;
            if (afterBreak && (c == ' ' || c == '\t')) {
                continue;
            }
            afterBreak = between;
            lines.append(between ? '\n' : c);
        }
        return lines.toString();
    }

    /** The topic of the lesson on the code's main construct, if it has one of these: the first of {@link #topics}. */
    static Optional<String> mainTopic(String code) {
        return topics(code).stream().findFirst();
    }

    /**
     * The topics of every construct and operation the code shows, the main one ({@link #mainTopic}) first: what a
     * question about the code may be asking about.
     */
    static List<String> topics(String code) {
        if (code == null) {
            return List.of();
        }
        // "a = [1]; b = a" typed on one line holds the same statements as two lines
        String lines = statementsAsLines(code);
        // the text inside strings is data: "a: b" in a string is no dict
        String operations = STRING_TEXT.matcher(lines).replaceAll("$1$1");
        // statements first, most specific first; then operations, for a line with none of them
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        CONSTRUCTS.stream().filter(c -> c.pattern().matcher(lines).find()).forEach(c -> found.add(c.topicId()));
        OPERATIONS.stream().filter(c -> c.pattern().matcher(operations).find()).forEach(c -> found.add(c.topicId()));
        return List.copyOf(found);
    }

    /** Whether code that used what the lesson teaches would show it here (a set literal, a while loop). */
    static boolean recognises(String topicId) {
        return CONSTRUCTS.stream().anyMatch(c -> c.topicId().equals(topicId))
                || OPERATIONS.stream().anyMatch(c -> c.topicId().equals(topicId));
    }
}
