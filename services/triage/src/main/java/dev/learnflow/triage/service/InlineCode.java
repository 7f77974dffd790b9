package dev.learnflow.triage.service;

import dev.learnflow.platform.guard.PythonBrackets;
import dev.learnflow.platform.text.OutputQuestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Python code a student typed into the question itself — a fenced block, an indented block, or a one-liner
 * whose statements are joined with {@code ;} — and separates it from the prose around it. A one-liner is unfolded
 * into lines (a compound statement cannot follow {@code ;} in Python), so the agents receive runnable code.
 */
public final class InlineCode {

    /** The question's prose and the code found in it; {@code code} is empty when the question held none. */
    public record Split(String prose, Optional<String> code, String form) {
        static Split none(String question) {
            return new Split(question, Optional.empty(), "none");
        }
    }

    private static final Pattern FENCED = Pattern.compile("```[ \\t]*(?:python3?|py)?[ \\t]*\\n?([\\s\\S]*?)```",
            Pattern.CASE_INSENSITIVE);
    /** A decorator on its own line ({@code @dataclass}, {@code @app.route("/")}). */
    private static final Pattern DECORATOR = Pattern.compile("@[A-Za-z_][\\w.]*(?:\\(.*\\))?");
    /** A line that reads as Python: a statement keyword, an assignment, a call, or a block opener. */
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(?:(?:def|class)\\s+\\w+|(?:for|while|if|elif|with)\\b.*:|else\\s*:|try\\s*:|except\\b.*:"
                    + "|finally\\s*:|return\\b|import\\s+\\w|from\\s+[\\w.]+\\s+import\\b|print\\s*\\("
                    + "|[A-Za-z_][\\w.]*(?:\\[[^\\]]*\\])*\\s*(?:[-+*/%]|//|\\*\\*)?=(?!=)\\s*\\S"
                    + "|" + DECORATOR.pattern() + "\\s*$"
                    + "|[A-Za-z_][\\w.]*\\(.*\\)\\s*$|pass\\s*$|break\\s*$|continue\\s*$|>>>"
                    // a header that lost its colon, as pasted with the syntax error it causes
                    + "|for\\s+\\w[\\w, ]*\\s+in\\s+\\S.*[)\\]\\w]\\s*$|(?:while|if|elif)\\s+.*(?:[=!<>]=|[<>]|\\bin\\b|\\bnot\\b).*$)");
    /**
     * Where a one-liner starts: a statement keyword or an assignment right after the prose, or right after words
     * asking what it gives ("what is the output of print(2 ** 3 ** 2)", the way quiz questions are written).
     */
    private static final Pattern ONE_LINER_START = Pattern.compile(
            "(?:^|(?<=[:?!.,]\\s)|(?<=[:?!])|(?<=\\b(?:output of|result of|value of|evaluate|evaluates)\\s))\\s*((?:def\\s+\\w+\\s*\\(|class\\s+\\w+|for\\s+\\w[\\w, ]*\\s+in\\s"
                    + "|while\\s+\\S|if\\s+\\S|import\\s+\\w|from\\s+[\\w.]+\\s+import\\s"
                    + "|[A-Za-z_]\\w*(?:\\[[^\\]]*\\])?\\s*(?:[-+*/]?=)(?!=)\\s*\\S|print\\s*\\("
                    + "|[A-Za-z_][\\w.]*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)\\s*$|return\\s+\\S|with\\s+\\S.*:))");
    private static final Pattern COMPOUND = Pattern.compile(
            "^(def|class|for|while|if|elif|else|try|except|finally|with)\\b");
    /** Prose after a one-liner: "... print(i) why does it never stop?". */
    private static final Pattern PROSE_TAIL = Pattern.compile("(?<=[)\\]\\w'\"])[.!?]?\\s+((?:why|what|how|can you|"
            + "could you|please|help|any ideas?|true or false|is (?:this|that|it)|does (?:this|that|it)|it (?:never|always|keeps|doesn|"
            + "won|only|prints|returns|gives)|but|when i|i (?:expected|want|wanted|thought|tried|get|got))\\b[^;=():]*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]{4,300})`");
    private static final Pattern TRACEBACK_HEADER = Pattern.compile("^\\s*Traceback \\(most recent call last\\):");
    private static final Pattern TRACEBACK_FRAME = Pattern.compile("^\\s*File \"[^\"]*\", line \\d+");
    private static final Pattern ERROR_LINE = Pattern.compile("^[A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|"
            + "Iteration|Warning)\\b");
    /** Python's keywords: between names they are code ("x in xs"); two plain words in a row are prose. */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "None", "True", "False");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_]\\w*|\\d+(?:\\.\\d+)?|\\S");

    private InlineCode() {
    }

    public static Split extract(String question) {
        if (question == null || question.isBlank()) {
            return Split.none(question == null ? "" : question);
        }
        Split found = fenced(question);
        if (found.code().isEmpty()) {
            found = indented(question);
        }
        if (found.code().isEmpty()) {
            found = askedValue(question);
        }
        if (found.code().isEmpty()) {
            found = oneLiner(question);
        }
        if (found.code().isEmpty()) {
            found = backticked(question);
        }
        if (found.code().isEmpty()) {
            found = lastLine(question);
        }
        if (found.code().isPresent()) {
            found = wordsAfterACall(found);
        }
        if (found.code().isPresent() && found.prose().isBlank()) {
            // Only code: the student's words may be its comments ("print(double(4))  # gives None?").
            String comments = tidy(String.join(" ", found.code().get().lines()
                    .map(l -> l.contains("#") ? l.substring(l.indexOf('#') + 1) : "").toList()));
            if (!comments.isBlank()) {
                found = new Split(comments, found.code(), found.form());
            }
        }
        return found;
    }

    private static Split fenced(String question) {
        Matcher m = FENCED.matcher(question);
        List<String> blocks = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        while (m.find()) {
            String block = m.group(1).stripTrailing();
            if (!block.isBlank()) {
                blocks.add(dedent(block));
            }
            m.appendReplacement(prose, " ");
        }
        if (blocks.isEmpty()) {
            return Split.none(question);
        }
        m.appendTail(prose);
        return new Split(tidy(prose.toString()), Optional.of(String.join("\n", blocks) + "\n"), "fenced");
    }

    /** Two or more consecutive lines that are indented (or start with a statement) and read as code. */
    private static Split indented(String question) {
        String[] lines = question.replace("\r\n", "\n").split("\n", -1);
        boolean[] traceback = tracebackLines(lines);
        int bestStart = -1;
        int bestEnd = -1;
        int start = -1;
        int codeLines = 0;
        for (int i = 0; i <= lines.length; i++) {
            boolean inBlock = i < lines.length && !traceback[i] && (lines[i].isBlank() && start >= 0
                    // inside a block any indented line is its body ("  return a+b" after "def f(a,b):")
                    || start >= 0 && !lines[i].isBlank() && Character.isWhitespace(lines[i].charAt(0))
                    // a comment inside the block is the code's (it may hold the student's words, see extract)
                    || start >= 0 && lines[i].stripLeading().startsWith("#")
                    || (lines[i].startsWith("    ") || lines[i].startsWith("\t")) && !lines[i].isBlank()
                    || CODE_LINE.matcher(lines[i]).find() && looksLikeCodeLine(lines[i]));
            if (inBlock) {
                if (start < 0) {
                    start = i;
                    codeLines = 0;
                }
                if (!lines[i].isBlank() && CODE_LINE.matcher(lines[i]).find()) {
                    codeLines++;
                }
            } else if (start >= 0) {
                int end = i;
                while (end > start && lines[end - 1].isBlank()) {
                    end--;
                }
                if (codeLines >= 2 && end - start > bestEnd - bestStart) {
                    bestStart = start;
                    bestEnd = end;
                }
                start = -1;
            }
        }
        if (bestStart < 0) {
            return Split.none(question);
        }
        List<String> block = List.of(lines).subList(bestStart, bestEnd);
        List<String> rest = new ArrayList<>(List.of(lines).subList(0, bestStart));
        rest.addAll(List.of(lines).subList(bestEnd, lines.length));
        return new Split(tidy(String.join(" ", rest)), Optional.of(dedent(String.join("\n", block)) + "\n"),
                "indented");
    }

    /**
     * The lines of a pasted traceback: its header, the {@code File "...", line N} frames with the source line each
     * quotes, and the closing error line. They are the error, not the program: they stay with the question (where
     * they decide the debug lane and travel as the error) and are never taken for code.
     */
    static boolean[] tracebackLines(String[] lines) {
        boolean[] marked = new boolean[lines.length];
        boolean inside = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (TRACEBACK_HEADER.matcher(line).find() || TRACEBACK_FRAME.matcher(line).find()) {
                inside = true;
                marked[i] = true;
            } else if (inside && ERROR_LINE.matcher(line).find()) {
                marked[i] = true;
                inside = false;
            } else if (inside && (line.startsWith(" ") || line.startsWith("\t") || line.strip().matches("[~^ ]+"))) {
                marked[i] = true;   // the source line a frame quotes, or its ^^^ marker
            } else {
                inside = false;
            }
        }
        return marked;
    }

    /** A line of prose can start with "if" too; code has operators, brackets or a trailing colon. */
    private static boolean looksLikeCodeLine(String line) {
        String s = line.replaceFirst("\\s+#.*$", "").strip();   // a comment may hold the student's words
        return s.endsWith(":") || DECORATOR.matcher(s).matches()
                || s.matches(".*[=()\\[\\]].*") && !s.matches(".*\\b(I|my|me|you|why|how)\\b.*");
    }

    /** "rate my code⏎print(...)": one statement on the line after the question. */
    private static Split lastLine(String question) {
        List<String> lines = question.strip().lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() != 2) {
            return Split.none(question);
        }
        String last = lines.get(1).strip();
        if (CODE_LINE.matcher(last).find() && looksLikeCodeLine(last) && readsAsCode(last)) {
            return new Split(tidy(lines.get(0)), Optional.of(unfold(statements(last))), "one-liner");
        }
        return Split.none(question);
    }

    /** Built-in functions a quiz expression may call: it runs on its own with these. */
    private static final java.util.Set<String> BUILTIN_FUNCTIONS = java.util.Set.of("abs", "all", "any", "bin",
            "bool", "chr", "dict", "divmod", "enumerate", "filter", "float", "format", "frozenset", "hex", "int",
            "isinstance", "len", "list", "map", "max", "min", "oct", "ord", "pow", "print", "range", "repr",
            "reversed", "round", "set", "sorted", "str", "sum", "tuple", "type", "zip", "id", "hash", "bytes", "slice",
            "complex", "iter", "next");
    /** Keywords that stand inside an expression. */
    private static final java.util.Set<String> EXPRESSION_KEYWORDS = java.util.Set.of("and", "or", "not", "in", "is",
            "if", "else", "for", "lambda", "None", "True", "False");
    /** Arithmetic as written in maths: numbers, + - * / and brackets, none of Python's own operators. */
    private static final Pattern SUM = Pattern.compile("(?!.*(?:\\*\\*|//))[\\d\\s.+*/()-]+");
    private static final Pattern STRING_LITERAL = Pattern.compile(
            "(?i)\\b[rbuf]{0,2}('[^']*'|\"[^\"]*\")|'[^']*'|\"[^\"]*\"");
    /** A name in an expression, and whether it is called; a method (after a dot) is the value's own. */
    private static final Pattern EXPRESSION_NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)(\\s*\\()?");
    /** Names an expression binds itself: a comprehension's loop variables, a lambda's parameters. */
    private static final Pattern BOUND_NAME = Pattern.compile(
            "\\b(?:for|lambda)\\s+([A-Za-z_]\\w*(?:\\s*,\\s*[A-Za-z_]\\w*)*)");

    /**
     * "what is the output of [x * 2 for x in range(4) if x % 2]", "what does 7 // 2 give?", "what is 2 ** 10":
     * an expression asked the value of. Code when it runs on its own (literals, operators, built-in calls, names it
     * binds itself: "x + 1" names an x the question never gives); it is run printed, since a bare expression in a
     * program shows nothing. A {@code print(...)} asked about is already a statement.
     */
    static Split askedValue(String question) {
        Optional<String> asked = OutputQuestions.textAskedAbout(question);
        if (asked.isEmpty() || !isSelfContainedExpression(asked.get())) {
            return Split.none(question);
        }
        // "what is 2+2" is a sum asked as maths (declined as another subject); "what is 7 // 2" or "the output of
        // 2 + 3" asks Python
        if (SUM.matcher(asked.get()).matches() && !OutputQuestions.asksWhatCodeGives(question)) {
            return Split.none(question);
        }
        String expression = asked.get();
        int at = question.indexOf(expression);
        String prose = at < 0 ? question
                : tidy(question.substring(0, at) + " " + question.substring(at + expression.length()));
        String code = expression.matches("print\\s*\\(.*") ? expression : "print(" + expression + ")";
        return new Split(prose.isBlank() ? question : prose, Optional.of(code + "\n"), "expression");
    }

    static boolean isSelfContainedExpression(String text) {
        String bare = STRING_LITERAL.matcher(text).replaceAll("0");   // a string is a value, whatever it says
        boolean literal = text.matches(".*(?:\\d|['\"\\[{(]|\\b(?:True|False|None)\\b).*");
        boolean operation = bare.matches(".*(?:[-+*/%<>\\[(]|==|!=|\\b(?:and|or|not|in|is)\\b).*");
        if (!literal || !operation || !readsAsCode("x = " + text) || statements(text).size() != 1
                || bare.matches(".*(?<![=!<>])=(?![=]).*") && !bare.matches(".*\\(.*=.*\\).*")
                || COMPOUND.matcher(text).find() || text.length() > 200) {
            return false;
        }
        java.util.Set<String> bound = new java.util.HashSet<>();
        Matcher b = BOUND_NAME.matcher(bare);
        while (b.find()) {
            for (String n : b.group(1).split("\\s*,\\s*")) {
                bound.add(n.strip());
            }
        }
        Matcher name = EXPRESSION_NAME.matcher(bare);
        while (name.find()) {
            String n = name.group(1);
            boolean called = name.group(2) != null;
            boolean keywordArgument = bare.substring(name.end()).matches("\\s*=(?!=).*");
            // a built-in passed as a value (key=len, map(str, xs)) runs too; "list[0]" is not a value asked about
            boolean passed = bare.substring(0, name.start()).matches("(?s).*[(,=]\\s*");
            if (!(EXPRESSION_KEYWORDS.contains(n) || bound.contains(n) || keywordArgument
                    || (called || passed) && BUILTIN_FUNCTIONS.contains(n))) {
                return false;
            }
        }
        return true;
    }

    /** "My loop never stops: i = 0; while i < 10: print(i)" or "is this pythonic? def f(l): r=[] ; for ...". */
    private static Split oneLiner(String question) {
        if (question.contains("\n") && question.strip().lines().count() > 2) {
            return Split.none(question);
        }
        String text = question.strip().replace("\n", " ").replace("\u2026", "...");
        Matcher m = ONE_LINER_START.matcher(text);
        while (m.find()) {
            int start = m.start(1);
            String candidate = text.substring(start).strip();
            String trailing = "";
            // Prose after the code ("... print(i) why does it never stop?") stays with the question.
            Matcher tail = PROSE_TAIL.matcher(candidate);
            if (tail.find()) {
                trailing = tail.group(1);
                candidate = candidate.substring(0, tail.start()).strip();
            }
            List<String> statements = statements(candidate);
            boolean compound = statements.stream().anyMatch(s -> COMPOUND.matcher(s).find() && s.contains(":"));
            boolean oneStatement = statements.size() == 1 && readsAsCode(statements.get(0));
            if (statements.size() >= 2 || compound || oneStatement) {
                String code = unfold(statements);
                String prose = tidy(text.substring(0, start) + " " + trailing);
                return new Split(prose.isBlank() ? text : prose, Optional.of(code), "one-liner");
            }
        }
        return Split.none(question);
    }

    /**
     * One statement typed after the question ("is this efficient? sorted(set(nums))", "for i in range(5) print(i)"):
     * code when its brackets balance, it has brackets or an operator, and no two plain words stand side by side
     * outside brackets and strings (prose has them, Python needs a keyword or an operator between names).
     */
    static boolean readsAsCode(String statement) {
        String bare = statement.replaceAll("'[^']*'|\"[^\"]*\"", "s");
        if (!bare.matches(".*[()\\[\\]=+*/<>%-].*") || bare.length() < 5 || bare.strip().matches("[\\w.]+\\(\\)")) {
            // "reversed()" alone names a built-in (a question about it), it is not a program
            return false;
        }
        int depth = 0;
        String previous = null;
        Matcher token = TOKEN.matcher(bare);
        while (token.find()) {
            String t = token.group();
            if ("([{".contains(t)) {
                depth++;
            } else if (")]}".contains(t)) {
                if (--depth < 0) {
                    return false;
                }
            }
            boolean word = t.matches("[A-Za-z_]\\w*") && !KEYWORDS.contains(t);
            if (depth == 0 && word && previous != null && previous.matches("[A-Za-z_]\\w*")
                    && !KEYWORDS.contains(previous)) {
                return false;
            }
            previous = t;
        }
        // "x = 5 is" (what i want): a statement does not end on an operator or a keyword that needs an operand.
        boolean dangling = previous == null || previous.matches("[=+*/<>%,.-]") || KEYWORDS.contains(previous)
                && !List.of("None", "True", "False", "pass", "break", "continue", "return").contains(previous);
        return depth == 0 && !dangling;
    }

    private static Split backticked(String question) {
        Matcher m = BACKTICKED.matcher(question);
        while (m.find()) {
            String code = m.group(1).strip();
            if (code.matches(".*[(=\\[].*") && code.matches(".*[A-Za-z_].*")) {
                List<String> statements = statements(code);
                return new Split(question, Optional.of(unfold(statements)), "backticks");
            }
        }
        return Split.none(question);
    }

    /** Splits at {@code ;} outside strings and brackets. */
    static List<String> statements(String code) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PythonBrackets brackets = new PythonBrackets();
        for (char c : code.toCharArray()) {
            if (brackets.next(c) && c == ';' && brackets.depth() == 0) {
                addStatement(parts, current);
                continue;
            }
            current.append(c);
        }
        addStatement(parts, current);
        return parts;
    }

    private static void addStatement(List<String> parts, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            parts.add(s);
        }
        current.setLength(0);
    }

    /**
     * Lays statements out as lines. A block opener's inline body and every statement after it belong to the block
     * (that is what {@code ;} means after a colon in Python); {@code elif/else/except/finally} close the block.
     */
    static String unfold(List<String> statements) {
        List<String> lines = new ArrayList<>();
        List<Integer> openers = new ArrayList<>();   // indentation of each open block's header
        int indent = 0;
        boolean inFunction = !statements.isEmpty() && statements.get(0).startsWith("def ");
        for (int i = 0; i < statements.size(); i++) {
            String rest = statements.get(i);
            // "def f(l): r=[]; for x in l: r.append(x); return r" — the last return belongs to the function.
            if (inFunction && i == statements.size() - 1 && rest.startsWith("return") && openers.size() > 1) {
                indent = openers.get(0) + 1;
                openers.subList(1, openers.size()).clear();
            }
            while (!rest.isEmpty()) {
                Matcher compound = COMPOUND.matcher(rest);
                int colon = compound.find() ? headerColon(rest) : -1;
                if (colon < 0) {
                    lines.add("    ".repeat(indent) + rest);
                    break;
                }
                String keyword = compound.group(1);
                if (List.of("elif", "else", "except", "finally").contains(keyword) && !openers.isEmpty()) {
                    indent = openers.remove(openers.size() - 1);
                }
                lines.add("    ".repeat(indent) + rest.substring(0, colon + 1).strip());
                openers.add(indent);
                indent++;
                rest = rest.substring(colon + 1).strip();
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The colon that ends a block header, skipping colons inside brackets, strings, slices and lambdas. */
    private static int headerColon(String statement) {
        PythonBrackets brackets = new PythonBrackets();
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (brackets.next(c) && c == ':' && brackets.depth() == 0
                    && !statement.substring(0, i).matches(".*\\blambda\\b[^:]*")) {
                return i;
            }
        }
        return -1;
    }

    private static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int common = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(common)).toList());
    }

    /**
     * "print(total(3)) gives 8 instead of 5" on a line of the code: the words after the call say what it does, they
     * are the student's, not the program's. Moved to the prose (the call stays in the code).
     */
    private static Split wordsAfterACall(Split found) {
        StringBuilder code = new StringBuilder();
        StringBuilder said = new StringBuilder();
        for (String line : found.code().get().split("\n", -1)) {
            Matcher m = WORDS_AFTER_A_CALL.matcher(line);
            if (m.matches() && balanced(m.group(1))) {
                code.append(m.group(1)).append('\n');
                said.append(' ').append(m.group(2));
            } else {
                code.append(line).append('\n');
            }
        }
        if (said.isEmpty()) {
            return found;
        }
        String kept = code.toString().replaceAll("\n+$", "\n");
        return new Split(tidy(found.prose() + " " + said), Optional.of(kept), found.form());
    }

    private static final Pattern WORDS_AFTER_A_CALL = Pattern.compile(
            "(\\s*[^#\\s].*[)\\]])\\s+((?:prints?|printed|gives?|gave|returns?|returned|outputs?|shows?|says?|said|"
                    + "should|gets?|got|comes out)\\s+[^=(#]*)");

    /** Whether the brackets of a piece of code (outside its strings) close as they open, none closing too early. */
    private static boolean balanced(String code) {
        PythonBrackets brackets = new PythonBrackets();
        for (char c : code.toCharArray()) {
            int before = brackets.depth();
            if (brackets.next(c) && PythonBrackets.isClosing(c) && before == 0) {
                return false;
            }
        }
        return brackets.depth() == 0;
    }

    private static String tidy(String prose) {
        return prose.replaceAll("\\s+", " ").strip();
    }
}
