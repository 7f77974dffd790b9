package dev.learnflow.concepts.service;

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

    /** Most specific first. */
    private static final List<Construct> CONSTRUCTS = List.of(
            new Construct("classes-and-objects", "^\\s*class\\s+\\w+"),
            new Construct("generators", "^\\s*def\\s+\\w+[\\s\\S]*^\\s+yield\\b"),
            // a function whose own body calls it (a call after the function is only its use)
            new Construct("recursion", "^([ \\t]*)def\\s+(\\w+)\\s*\\(.*\\n(?:\\1[ \\t]+.*\\n|[ \\t]*\\n)*?\\1[ \\t]+.*\\b\\2\\s*\\("),
            new Construct("try-except", "^\\s*try\\s*:"),
            new Construct("with-statement", "^\\s*with\\s+\\S"),
            new Construct("comprehensions", "[\\[{]\\s*[^\\[\\]{}]+?\\s+for\\s+\\w+(?:\\s*,\\s*\\w+)*\\s+in\\s+\\S"),
            new Construct("lambdas", "\\blambda\\b[^:]*:"),
            new Construct("defining-functions", "^\\s*def\\s+\\w+\\s*\\("),
            new Construct("while-loops", "^\\s*while\\s+.+:"),
            new Construct("for-loops", "^\\s*for\\s+\\w+(?:\\s*,\\s*\\w+)*\\s+in\\s+.+:"),
            new Construct("conditionals", "^\\s*if\\s+.+:"));

    private CodeConstructs() {
    }

    /** The topic of the lesson on the code's main construct, if it has one of these. */
    static Optional<String> mainTopic(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return CONSTRUCTS.stream().filter(c -> c.pattern().matcher(code).find()).map(Construct::topicId).findFirst();
    }
}
