package dev.learnflow.debug.service;

import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.platform.guard.PythonBrackets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements a student writes in a message before the value they compare: "s = Stack(); s.push(1); s.push(2);
 * s.pop() gives 1 but should give 2", "acc = Account(100) then acc.withdraw(30) gives 130", a snippet of calls on
 * lines of their own, "add_grade(90) then add_grade(75) returned [90, 75]". Such a run is put in the text as one
 * call of a stand-in function, so that every phrasing the parser reads works on it as on a plain call; the
 * stand-in is swapped back for the statements (see {@link TestCase#withSetup}) once the cases are read.
 */
final class StatementRuns {

    static final String STAND_IN = "__run";

    /** The text with each run replaced by a stand-in call, and what each stand-in stands for. */
    record Read(String text, Map<String, String> runs) {

        /** The case with a stand-in call (or candidate) replaced by its statements. */
        TestCase restore(TestCase c) {
            if (runs.isEmpty()) {
                return c;
            }
            List<String> candidates = c.candidates() == null ? null
                    : c.candidates().stream().map(this::restore).toList();
            return new TestCase(restore(c.call()), c.stdin(), c.expected(), c.claimed(), candidates, c.hidden(),
                    c.source(), c.values());
        }

        String restore(String call) {
            return call == null ? null : runs.getOrDefault(call.strip(), call);
        }
    }

    /** Between statements: a semicolon, a line break, "then", "and then", "and" (only before a name set earlier). */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*;\\s*|\\s*\\n\\s*|,?\\s+(?:and\\s+)?then\\s+"
            + "|,?\\s+and\\s+|\\s*,\\s+");
    /** Words before a snippet: "so i do", "i did", "if I do", "first", "then", an interpreter prompt. */
    private static final Pattern LEAD = Pattern.compile("^(?:>>>\\s*|(?i:(?:so\\s+|and\\s+|if\\s+|when\\s+)?"
            + "(?:i\\s+(?:do|did|run|ran|call|called|wrote|tried|type|typed)|first|then|doing|calling|running)"
            + "\\s*:?\\s+))");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^(?<target>[A-Za-z_][\\w.]*(?:\\[[^\\]]*])?)\\s*(?:=|\\+=|-=)(?!=)\\s*(?<value>.+)$", Pattern.DOTALL);
    private static final Pattern HEAD = Pattern.compile("^[A-Za-z_][\\w.]*");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.'\"])([A-Za-z_]\\w*)");
    private static final Set<String> PROSE = Set.of("and", "or", "not", "is", "in", "the", "it", "but", "if");

    private StatementRuns() {
    }

    /**
     * @param own the names of the program's functions and methods, and its classes
     * @param tag  told apart from the stand-ins of the other texts of the same request
     */
    static Read read(String text, Set<String> own, String tag) {
        if (text == null || text.isBlank()) {
            return new Read(text, Map.of());
        }
        List<int[]> pieces = pieces(text);
        Map<String, String> runs = new java.util.LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int k = 0;
        while (k < pieces.size()) {
            List<String> statements = new ArrayList<>();
            List<Boolean> byAnd = new ArrayList<>();
            int first = -1;
            int end = -1;
            int j = k;
            for (; j < pieces.size(); j++) {
                int[] piece = pieces.get(j);
                String raw = text.substring(piece[0], piece[1]);
                Matcher lead = LEAD.matcher(raw);
                int skip = lead.lookingAt() ? lead.end() : 0;
                String body = raw.substring(skip).strip();
                int offset = piece[0] + skip + (raw.substring(skip).length() - raw.substring(skip).stripLeading()
                        .length());
                if (isStatement(body)) {
                    statements.add(unprinted(body));
                    byAnd.add(piece[2] == 1);
                    first = first < 0 ? offset : first;
                    end = offset + body.length();
                    continue;
                }
                int head = headEnd(body);
                if (head > 0 && !statements.isEmpty()) {     // the compared value, with the student's words after it
                    statements.add(unprinted(body.substring(0, head)));
                    byAnd.add(piece[2] == 1);
                    end = offset + head;
                    j++;
                }
                break;
            }
            // the last statement is the value compared: an expression, not an assignment
            if (statements.size() >= 2 && !ASSIGNMENT.matcher(statements.get(statements.size() - 1)).matches()
                    && sets(statements, byAnd, own)) {
                String standIn = STAND_IN + tag + (runs.size() + 1) + "()";
                runs.put(standIn, TestCase.withSetup(statements.subList(0, statements.size() - 1),
                        statements.get(statements.size() - 1)));
                out.append(text, copied, first).append(standIn);
                copied = end;
            }
            k = Math.max(j, k + 1);
        }
        if (runs.isEmpty()) {
            return new Read(text, Map.of());
        }
        return new Read(out.append(text.substring(copied)).toString(), runs);
    }

    /**
     * Whether the statements make a run: the compared value uses a name the run sets ("acc = ...; acc.withdraw(30)"),
     * or, without "and" between them, calls of the program come one after another ("add_grade(90) then
     * add_grade(75)": state one leaves behind, a shared default list, is there for the next).
     */
    private static boolean sets(List<String> statements, List<Boolean> byAnd, Set<String> own) {
        Set<String> assigned = new java.util.HashSet<>();
        boolean ownUsed = false;
        for (String s : statements.subList(0, statements.size() - 1)) {
            Matcher a = ASSIGNMENT.matcher(s);
            if (a.matches()) {
                assigned.add(a.group("target").split("[.\\[]")[0]);
            }
            ownUsed |= names(s).stream().anyMatch(own::contains);
        }
        String last = statements.get(statements.size() - 1);
        Set<String> used = names(last);
        if (used.stream().anyMatch(assigned::contains)) {
            return ownUsed || used.stream().anyMatch(own::contains);
        }
        return ownUsed && !byAnd.contains(true) && used.stream().anyMatch(own::contains)
                && statements.stream().allMatch(s -> s.contains("(") && !ASSIGNMENT.matcher(s).matches());
    }

    /** Spans of the text between separators outside brackets: {start, end, 1 when it follows an "and"}. */
    private static List<int[]> pieces(String text) {
        List<int[]> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int and = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                Matcher sep = SEPARATOR.matcher(text).region(i, text.length());
                if (sep.lookingAt() && sep.end() > i) {
                    pieces.add(new int[] {start, i, and});
                    // "f(3), f(4)" or "f(3) and f(4)" are calls side by side, not one run, unless a name set links them
                    and = !sep.group().contains("then") && (sep.group().contains("and") || sep.group().contains(","))
                            ? 1 : 0;
                    start = sep.end();
                    i = sep.end() - 1;
                }
            }
        }
        pieces.add(new int[] {start, text.length(), and});
        return pieces;
    }

    /** An assignment or a call (or attribute chain) with nothing after it that reads as words. */
    static boolean isStatement(String s) {
        Matcher a = ASSIGNMENT.matcher(s);
        if (a.matches()) {
            return isCode(a.group("target")) && isCode(a.group("value"));
        }
        int head = headEnd(s);
        return head == s.length() && s.contains("(");
    }

    /** Where the expression at the start ends: a dotted name with calls and subscripts, e.g. {@code len(t.items)}. */
    private static int headEnd(String s) {
        Matcher name = HEAD.matcher(s);
        if (!name.lookingAt() || PROSE.contains(name.group().toLowerCase(java.util.Locale.ROOT))) {
            return -1;
        }
        int i = name.end();
        boolean called = false;
        while (i < s.length() && (s.charAt(i) == '(' || s.charAt(i) == '[' || s.charAt(i) == '.')) {
            if (s.charAt(i) == '.') {
                Matcher more = HEAD.matcher(s.substring(i + 1));
                if (!more.lookingAt()) {
                    return -1;
                }
                i += 1 + more.end();
                continue;
            }
            int close = ExpectationParser.balancedEnd(s, i);
            if (close < 0) {
                return -1;
            }
            called = true;
            i = close + 1;
        }
        // a bare word is prose ("it", "mine"); a call, subscript or attribute is code
        boolean code = called || name.group().contains(".");
        return code && (i == s.length() || Character.isWhitespace(s.charAt(i)) || ",#".indexOf(s.charAt(i)) >= 0)
                ? i : -1;
    }

    /** An expression, not words: balanced, and outside literals and brackets no two words in a row. */
    private static boolean isCode(String s) {
        StringBuilder outside = new StringBuilder();
        PythonBrackets brackets = new PythonBrackets();
        for (int i = 0; i < s.length(); i++) {
            int before = brackets.depth();
            boolean code = brackets.next(s.charAt(i));
            if (code && before == 0 && brackets.depth() == 0) {
                outside.append(s.charAt(i));
            } else if (outside.isEmpty() || outside.charAt(outside.length() - 1) != 'x') {
                outside.append('x');    // a literal or a bracketed part: one value
            }
        }
        String rest = outside.toString().strip();
        return brackets.depth() == 0 && !rest.isEmpty() && !rest.matches(".*\\w\\s+\\w.*")
                && rest.matches("[\\w.\\s+\\-*/%<>=!]+");
    }

    /** {@code print(b.count())} as a statement compared: the value printed. */
    private static String unprinted(String statement) {
        String s = statement.strip();
        if (s.startsWith("print(") && ExpectationParser.balancedEnd(s, 5) == s.length() - 1) {
            return s.substring(6, s.length() - 1).strip();
        }
        return s;
    }

    private static Set<String> names(String code) {
        Set<String> names = new java.util.HashSet<>();
        Matcher m = NAME.matcher(code.replaceAll("'[^']*'|\"[^\"]*\"", "''"));
        while (m.find()) {
            names.add(m.group(1));
        }
        Matcher attr = Pattern.compile("\\.([A-Za-z_]\\w*)").matcher(code);
        while (attr.find()) {
            names.add(attr.group(1));
        }
        return names;
    }
}
