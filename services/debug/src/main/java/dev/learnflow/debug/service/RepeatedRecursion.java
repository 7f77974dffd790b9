package dev.learnflow.debug.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function that calls itself more than once per call and remembers nothing ({@code return fib(n - 1) +
 * fib(n - 2)}): the number of calls doubles with every step of its argument, so it is correct but far too slow for
 * arguments past about 30. A program that does not finish in time for that reason has no loop to blame.
 */
final class RepeatedRecursion {

    /** The function, and the line (1-based) that calls it twice. */
    record Found(String function, int line) {
    }

    private static final Pattern DEF = Pattern.compile("^(\\s*)def\\s+([A-Za-z_]\\w*)\\s*\\(");
    /** Remembering results: a cache decorator, or a dictionary of answers looked up by the function. */
    private static final Pattern REMEMBERS = Pattern.compile("@(?:functools\\.)?(?:lru_cache|cache)\\b|\\bmemo\\w*\\b"
            + "|\\bcache\\w*\\s*\\[|\\bin\\s+(?:self\\.)?\\w*(?:memo|cache|seen|known|computed)\\w*\\b");

    private RepeatedRecursion() {
    }

    static Optional<Found> in(String code) {
        if (code == null || REMEMBERS.matcher(code).find()) {
            return Optional.empty();
        }
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher def = DEF.matcher(lines[i]);
            if (!def.find()) {
                continue;
            }
            int indent = def.group(1).length();
            Pattern call = Pattern.compile("(?<![\\w.])" + Pattern.quote(def.group(2)) + "\\s*\\(");
            for (int b = i + 1; b < lines.length && (lines[b].isBlank() || CodeFacts.indentOf(lines[b]) > indent);
                 b++) {
                Matcher calls = call.matcher(lines[b].replaceAll("#.*", ""));
                int count = 0;
                while (calls.find()) {
                    count++;
                }
                if (count >= 2) {
                    return Optional.of(new Found(def.group(2), b + 1));
                }
            }
        }
        return Optional.empty();
    }
}
