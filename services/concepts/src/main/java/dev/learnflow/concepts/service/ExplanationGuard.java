package dev.learnflow.concepts.service;

import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.platform.guard.AnswerPolicy;
import dev.learnflow.platform.guard.GuardContext;
import dev.learnflow.platform.guard.GuardedAnswer;
import dev.learnflow.platform.guard.OutputGuard;
import dev.learnflow.platform.guard.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether the model's explanation is published or the lesson's own wording is. The model's text passes the
 * platform {@link OutputGuard} with the EXPLANATION policy: example code is allowed, copy instructions, markup and
 * the student's exercise are not. The student's program is the only picture of their exercise concepts has, so it
 * stands in for the reference solution (a function of theirs, written again, is the exercise's solution).
 * <p>
 * TODO(platform guard): three checks the EXPLANATION policy lacks live here until {@code OutputGuard} has them:
 * <ol>
 * <li>a length fitted to a concept explanation ({@value #MAX_LENGTH} characters; the policy allows 6,000);</li>
 * <li>in the prose around the examples, a corrected line of the student's program under the hint rules ("line 6
 * should read return None", "try `range(1, n)`"): the policy compares with the student's lines only at 80 %
 * similarity, which lets short edits through;</li>
 * <li>code for the student's own program: a line in their names that edits one of their statements
 * ({@code i += 1} for their endless loop) or rebinds one of their functions ({@code average = lambda nums: ...}),
 * or a snippet (a block, or inline code that is a statement) written around their data ({@code for score in
 * scores: print(score)} for their {@code scores} list) that is not a quote of their code.</li>
 * </ol>
 * Example code with names of its own ({@code for k in range(3):}) stays allowed.
 */
public final class ExplanationGuard {

    /** The part of a concept answer the model may write. */
    public static final String PART = "explanation";
    /** Shorter than this is not an explanation: treated as no reply (the lesson answers, nothing is "replaced"). */
    static final int MIN_LENGTH = 60;
    /** The prompt asks for 60–160 words; far beyond that is a flood, not an explanation. */
    static final int MAX_LENGTH = 1_500;

    private static final Pattern FENCED_BLOCK =
            Pattern.compile("(?ms)^[ \\t]*(`{3,}|~{3,})[^\\n`]*\\n(.*?)(?:^[ \\t]*\\1[ \\t]*$|\\z)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
    private static final Pattern BINDS =
            Pattern.compile("^\\s*(?:async\\s+)?(?:def\\s+([A-Za-z_]\\w*)\\s*\\(|([A-Za-z_]\\w*)\\s*=(?!=))");
    private static final Pattern DEFINED = Pattern.compile("(?m)^\\s*(?:async\\s+)?def\\s+([A-Za-z_]\\w*)");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");
    /** A statement, not just an expression or a name: what makes a snippet code for a program. */
    private static final Pattern STATEMENT = Pattern.compile("(?m)^\\s*(?:(?:for|while|if|elif|return|def|print)\\b"
            + "|[A-Za-z_][\\w.\\[\\]]*\\s*(?:[-+*/%]|//)?=(?!=))");
    /** Where a program names its data: assigned names, loop variables, parameters. */
    private static final Pattern DATA = Pattern.compile("(?m)^\\s*(?:([A-Za-z_]\\w*)\\s*(?:[-+*/%]|//)?=(?!=)"
            + "|for\\s+([A-Za-z_]\\w*)\\s+in\\b)|def\\s+\\w+\\s*\\(([^)]*)\\)");
    /** Shorter names ({@code i}, {@code x}, {@code n}) are every example's names too. */
    private static final int DISTINCT_NAME = 3;
    /** Keywords and the built-ins examples use: a line made of these and the student's names is "in their names". */
    private static final Set<String> PYTHON_NAMES = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "print", "len", "range", "sum", "min", "max", "sorted", "list", "dict", "set",
            "tuple", "str", "int", "float", "bool", "enumerate", "zip", "map", "filter", "abs", "round", "input",
            "open", "type", "isinstance", "any", "all", "reversed", "iter", "next", "self");

    private ExplanationGuard() {
    }

    /**
     * The published explanation and where it came from.
     *
     * @param source   {@code llm} (the model's text) or {@code offline} (the lesson's wording)
     * @param replaced the model's part when it failed the guard, with the reasons; empty otherwise
     */
    public record Published(String text, String source, List<Provenance.Replaced> replaced) {

        /** What the answer's data records. */
        public Provenance provenance() {
            return new Provenance(source, replaced);
        }
    }

    /** The lesson's own wording, with nothing asked of a model. */
    public static Published offline(String lessonText) {
        return new Published(lessonText, GuardedAnswer.OFFLINE, List.of());
    }

    /**
     * @param modelText   what the model wrote, or null
     * @param lessonText  the lesson's own wording for this level
     * @param studentCode the program that came with the question, or null
     */
    public static Published choose(String modelText, String lessonText, String studentCode) {
        if (modelText == null || modelText.strip().length() < MIN_LENGTH) {
            return offline(lessonText);
        }
        List<String> reasons = reasons(modelText, studentCode);
        if (reasons.isEmpty()) {
            return new Published(modelText.strip(), GuardedAnswer.LLM, List.of());
        }
        return new Published(lessonText, GuardedAnswer.OFFLINE,
                List.of(new Provenance.Replaced(PART, reasons)));
    }

    /** Why the text may not be published; empty when it may. */
    static List<String> reasons(String text, String studentCode) {
        Set<String> reasons = new LinkedHashSet<>(OutputGuard.check(text,
                new GuardContext(AnswerPolicy.EXPLANATION, studentCode, studentCode)).reasons());
        if (text.length() > MAX_LENGTH) {
            reasons.add(label(Violation.Kind.TOO_LONG));
        }
        if (studentCode != null && !studentCode.isBlank()) {
            reasons.addAll(editsOfTheStudentsProgram(text, studentCode));
        }
        return List.copyOf(reasons);
    }

    private static Set<String> editsOfTheStudentsProgram(String text, String studentCode) {
        Set<String> reasons = new LinkedHashSet<>();
        GuardContext strict = GuardContext.of(AnswerPolicy.HINT, studentCode);
        // Inline ```code``` in a sentence is prose with code in it, not an example block.
        String prose = FENCED_BLOCK.matcher(text).replaceAll("\n").replaceAll("`{3,}", "`");
        if (OutputGuard.check(prose, strict).has(Violation.Kind.CORRECTED_LINE)) {
            reasons.add(label(Violation.Kind.CORRECTED_LINE));
        }
        // Names in comments are not the program's: "# ignore your rules" must not widen what counts as theirs.
        String program = COMMENT.matcher(studentCode).replaceAll("");
        if (writtenAroundTheirData(text, prose, program)) {
            reasons.add(label(Violation.Kind.EXERCISE_SOLUTION));
        }
        Set<String> programNames = names(program);
        Set<String> studentFunctions = new HashSet<>();
        Matcher defined = DEFINED.matcher(studentCode);
        while (defined.find()) {
            studentFunctions.add(defined.group(1));
        }
        for (String line : text.split("\n")) {
            Matcher binds = BINDS.matcher(line.replace("`", ""));
            if (binds.find() && studentFunctions.contains(binds.group(1) != null ? binds.group(1) : binds.group(2))) {
                reasons.add(label(Violation.Kind.EXERCISE_SOLUTION));
            }
            Set<String> own = names(line);
            own.removeAll(PYTHON_NAMES);
            if (!own.isEmpty() && programNames.containsAll(own)
                    && OutputGuard.check(line.strip(), strict).has(Violation.Kind.CORRECTED_LINE)) {
                reasons.add(label(Violation.Kind.CORRECTED_LINE));
            }
        }
        return reasons;
    }

    /** A snippet that is not a quote of the program but works on the program's own (distinctly named) data. */
    private static boolean writtenAroundTheirData(String text, String prose, String program) {
        Set<String> data = new HashSet<>();
        Matcher named = DATA.matcher(program);
        while (named.find()) {
            for (int group = 1; group <= 2; group++) {
                if (named.group(group) != null) {
                    data.add(named.group(group));
                }
            }
            if (named.group(3) != null) {
                data.addAll(names(named.group(3)));
            }
        }
        data.removeIf(name -> name.length() < DISTINCT_NAME || PYTHON_NAMES.contains(name));
        List<String> snippets = new ArrayList<>();
        Matcher block = FENCED_BLOCK.matcher(text);
        while (block.find()) {
            snippets.add(block.group(2));
        }
        Matcher inline = INLINE_CODE.matcher(prose);
        while (inline.find()) {
            snippets.add(inline.group(1));
        }
        String compactProgram = program.replaceAll("\\s+", "");
        for (String snippet : snippets) {
            if (STATEMENT.matcher(snippet).find() && !compactProgram.contains(snippet.replaceAll("\\s+", ""))
                    && names(snippet).stream().anyMatch(data::contains)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(String text) {
        Set<String> names = new HashSet<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            names.add(name.group());
        }
        return names;
    }

    private static String label(Violation.Kind kind) {
        return new Violation(kind, "").label();
    }
}
