package dev.learnflow.platform.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of Python's surface to tell a line of code from a line of prose, split code into tokens and measure
 * how close two pieces of code are. The guard needs no full parser: it asks "does this read as a statement?" and
 * "is this a small edit of that line?".
 */
final class PythonText {

    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[A-Za-z_]\\w*|\\d+(?:\\.\\d+)?|//=?|\\*\\*=?|[-+*/%<>=!]=|->|[^\\s\\w]");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d+[.)])\\s+");
    private static final Pattern BLOCK_HEADER = Pattern.compile(
            "^(?:async\\s+)?(?:def|class)\\s+[A-Za-z_]\\w*\\s*(?:\\(.*\\))?\\s*(?:->\\s*[^:]+)?:\\s*(?:#.*)?$"
                    + "|^(?:for|while|if|elif|with)\\s+.+:\\s*(?:#.*)?$|^(?:else|try|finally)\\s*:\\s*(?:#.*)?$"
                    + "|^except\\b.*:\\s*(?:#.*)?$");
    private static final Pattern SIMPLE_STATEMENT = Pattern.compile(
            "^(?:return|yield|raise|assert|del|global|nonlocal)(?:\\s+(.+))?$|^(?:pass|break|continue)\\s*$"
                    + "|^import\\s+[\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+)*\\s*$|^from\\s+[\\w.]+\\s+import\\s+.+$"
                    + "|^>>>\\s?.*$");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^[A-Za-z_][\\w.]*(?:\\[[^\\]]*\\])*(?:\\s*,\\s*[A-Za-z_][\\w.]*)*\\s*(?:[-+*/%&|^]|//|\\*\\*)?=\\s*([^=].*)$");
    private static final Pattern CALL = Pattern.compile("^[A-Za-z_][\\w.]*\\s*\\(.*\\)\\s*(?:#.*)?$");
    /** Two plain words in a row: English, not an expression. */
    private static final Pattern TWO_WORDS = Pattern.compile("\\b[A-Za-z]{2,}\\s+[A-Za-z]{2,}\\b");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern EXPRESSION_KEYWORDS = Pattern.compile(
            "\\b(?:and|or|not|in|is|if|else|for|lambda|None|True|False)\\b");

    private PythonText() {
    }

    /** The line without list bullets, markdown emphasis around it, or surrounding white space. */
    static String stripProseMarkers(String line) {
        return BULLET.matcher(line).replaceFirst("").strip();
    }

    /** True when the line reads as a Python statement rather than a sentence. */
    static boolean isCodeLine(String rawLine) {
        String line = stripProseMarkers(rawLine);
        if (line.isEmpty() || line.length() > 300) {
            return false;
        }
        if (BLOCK_HEADER.matcher(line).matches()) {
            return expressionLike(line.replaceFirst("^\\w+", "").replaceFirst(":\\s*(#.*)?$", ""));
        }
        Matcher simple = SIMPLE_STATEMENT.matcher(line);
        if (simple.matches()) {
            String rest = simple.group(1);
            return rest == null || expressionLike(rest);
        }
        Matcher assignment = ASSIGNMENT.matcher(line);
        if (assignment.matches()) {
            return expressionLike(assignment.group(1));
        }
        return CALL.matcher(line).matches() && expressionLike(line);
    }

    /** Code-like: once strings and Python's own keywords are set aside, no two plain words follow each other. */
    static boolean expressionLike(String text) {
        String bare = STRING_LITERAL.matcher(text).replaceAll("s");
        bare = EXPRESSION_KEYWORDS.matcher(bare).replaceAll("+");
        return !TWO_WORDS.matcher(bare).find() && !bare.strip().endsWith(".") || bare.strip().matches(".*\\d\\.$");
    }

    private static final java.util.Set<String> PROSE_WORDS = java.util.Set.of("once", "the", "a", "an", "so", "then",
            "after", "before", "when", "because", "since", "which", "that", "this", "to", "of", "on", "at",
            "instead", "rather", "inside", "outside", "here", "there", "will", "would", "should", "it", "its", "you",
            "your", "we", "please", "also", "too", "now", "like", "line", "loop", "function", "with", "where",
            "works", "work", "fixes", "fix");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*|\\S");

    /**
     * The code at the start of a phrase such as "return None once the loop has finished": it ends at the first
     * plain English word Python would not have there; leading English words are dropped.
     */
    static String codePrefix(String phrase) {
        String text = phrase.strip();
        Matcher leading = Pattern.compile("^(?:(?:" + String.join("|", PROSE_WORDS) + "|is|be|by|as|just|and|or)\\s+)+",
                Pattern.CASE_INSENSITIVE).matcher(text);
        if (leading.find()) {
            text = text.substring(leading.end());
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (word.start() > 0 && PROSE_WORDS.contains(word.group().toLowerCase(java.util.Locale.ROOT))
                    && !isInsideString(text, word.start())) {
                return text.substring(0, word.start()).strip();
            }
        }
        return text;
    }

    private static boolean isInsideString(String text, int index) {
        int quotes = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\'' || text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    static List<String> tokens(String code) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(code);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** White space folded and trailing punctuation of prose dropped, so "return total." matches "return total". */
    static String normalise(String code) {
        String folded = code.strip().replaceAll("\\s+", " ");
        while (!folded.isEmpty() && ".,;!?".indexOf(folded.charAt(folded.length() - 1)) >= 0
                && !folded.endsWith("...")) {
            folded = folded.substring(0, folded.length() - 1).strip();
        }
        return folded;
    }

    /** Code without spaces: "n+1" and "n + 1" are the same edit. */
    static String compact(String code) {
        return code.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** 1 - edit distance / length of the longer: 1 is equal, 0 nothing alike. */
    static double similarity(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        return 1.0 - (double) EditDistance.between(a, b) / Math.max(a.length(), b.length());
    }

    /** Share of {@code part}'s tokens (as a multiset) that also stand in {@code whole}. */
    static double tokenContainment(List<String> part, List<String> whole) {
        if (part.isEmpty()) {
            return 0;
        }
        List<String> pool = new ArrayList<>(whole);
        int shared = 0;
        for (String token : part) {
            if (pool.remove(token)) {
                shared++;
            }
        }
        return (double) shared / part.size();
    }
}
