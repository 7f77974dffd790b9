package dev.learnflow.platform.guard;

import dev.learnflow.platform.text.PatternBook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The one check every model-written text passes before it is published. It decides, per answer policy, whether the
 * text may reach the student; it does not repair text. A text that fails is replaced whole by the offline text for
 * the same part (see {@link GuardedAnswer}), so a half-cleaned leak can never slip through.
 *
 * <p>Where the line is drawn (hints and reviews): naming things is teaching, writing the new code is not.
 * "Compare the name on line 5 with the one you defined" and "replace {@code totl} with {@code total}" only name a
 * name; "the line should read: return total", {@code range(1, n + 1)} for a student's {@code range(1, n)}, a code
 * block, a run of code lines, the exercise's function, or "copy this" are leaks.
 */
public final class OutputGuard {

    /** What the guard looks for in a text, kept in {@code guard/output-guard.regex}. */
    private enum Sign { FENCED, INLINE_CODE, MARKUP, COPY_INSTRUCTION, EDIT_PHRASE, CODE_FRAGMENT, DEFINITION,
        STATEMENTS, ONE_LINE_BLOCK }

    private static final PatternBook<Sign> SIGNS = PatternBook.load("guard/output-guard.regex", Sign.class);

    /**
     * The longest inline code (between backticks) a hint or review may carry: a name, an operator, a call to trace
     * or a short quote of the student's line fit; a statement list or a rewritten block does not.
     */
    public static final int INLINE_CODE_MAX = 60;

    private OutputGuard() {
    }

    /** The outcome: clean, or the reasons the text may not be published. */
    public record Verdict(List<Violation> violations) {
        public boolean clean() {
            return violations.isEmpty();
        }

        public boolean has(Violation.Kind kind) {
            return violations.stream().anyMatch(v -> v.kind() == kind);
        }

        public List<String> reasons() {
            return violations.stream().map(Violation::label).distinct().toList();
        }
    }

    public static Verdict check(String text, GuardContext context) {
        List<Violation> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            found.add(new Violation(Violation.Kind.EMPTY, ""));
            return new Verdict(found);
        }
        AnswerPolicy policy = context.policy();
        if (text.length() > policy.maxLength()) {
            found.add(new Violation(Violation.Kind.TOO_LONG, text.length() + " characters"));
        }
        first(Sign.MARKUP, text).ifPresent(m -> found.add(new Violation(Violation.Kind.MARKUP, m)));
        first(Sign.COPY_INSTRUCTION, text).ifPresent(m -> found.add(new Violation(Violation.Kind.COPY_INSTRUCTION, m)));

        List<String> codeRegions = new ArrayList<>();
        String prose = collectFenced(text, codeRegions);
        if (!policy.codeAllowed() && !codeRegions.isEmpty()) {
            found.add(new Violation(Violation.Kind.CODE_BLOCK, abbreviate(codeRegions.get(0))));
        }
        List<String> codeLines = collectCodeLines(prose, codeRegions);
        if (!policy.codeAllowed() && !codeLines.isEmpty()) {
            found.add(new Violation(Violation.Kind.CODE_LINES, abbreviate(String.join("\n", codeLines))));
        }
        StudentProgram student = StudentProgram.of(context.studentCode());
        if (!policy.codeAllowed() && codeLines.isEmpty()) {
            inlineProgram(prose, student)
                    .ifPresent(code -> found.add(new Violation(Violation.Kind.CODE_LINES, abbreviate(code))));
        }
        if (!student.isEmpty()) {
            for (String candidate : editCandidates(prose, codeRegions)) {
                if (student.isCorrectedLine(candidate, !policy.codeAllowed())) {
                    found.add(new Violation(Violation.Kind.CORRECTED_LINE, abbreviate(candidate)));
                    break;
                }
            }
        }
        exerciseSolution(context, codeRegions, student)
                .ifPresent(evidence -> found.add(new Violation(Violation.Kind.EXERCISE_SOLUTION, evidence)));
        return new Verdict(List.copyOf(found));
    }

    /**
     * Inline code that is more than a name or a short expression: several statements ({@code ;}), a block on one
     * line, or simply longer than {@link #INLINE_CODE_MAX}. Quoting the student's own code is pointing, not writing.
     */
    private static java.util.Optional<String> inlineProgram(String prose, StudentProgram student) {
        Matcher inline = SIGNS.matcher(Sign.INLINE_CODE, prose);
        while (inline.find()) {
            String code = inline.group(1).strip();
            if (!student.isEmpty() && student.contains(code)) {
                continue;
            }
            if (code.length() > INLINE_CODE_MAX || SIGNS.find(Sign.STATEMENTS, code)
                    || SIGNS.find(Sign.ONE_LINE_BLOCK, code)) {
                return java.util.Optional.of(code);
            }
        }
        return java.util.Optional.empty();
    }

    /** The text with fenced blocks taken out (into {@code regions}). */
    private static String collectFenced(String text, List<String> regions) {
        Matcher fenced = SIGNS.matcher(Sign.FENCED, text);
        StringBuilder prose = new StringBuilder();
        while (fenced.find()) {
            regions.add(fenced.group(2));
            fenced.appendReplacement(prose, "\n");
        }
        fenced.appendTail(prose);
        return prose.toString();
    }

    /**
     * Lines of prose that read as Python, and indented runs; consecutive code lines are also kept together as one
     * region, so the exercise check sees a whole function.
     */
    private static List<String> collectCodeLines(String prose, List<String> regions) {
        List<String> codeLines = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (String line : prose.split("\n", -1)) {
            boolean indentedCode = (line.startsWith("    ") || line.startsWith("\t")) && !line.isBlank()
                    && (PythonText.isCodeLine(line) || PythonText.expressionLike(line.strip()));
            if (PythonText.isCodeLine(line) || indentedCode) {
                codeLines.add(line.strip());
                run.append(line).append('\n');
            } else if (!line.isBlank() && run.length() > 0) {
                regions.add(run.toString());
                run.setLength(0);
            }
        }
        if (run.length() > 0) {
            regions.add(run.toString());
        }
        return codeLines;
    }

    /** Every piece of the text that might be new code: inline code, code-shaped fragments, what edit phrases name. */
    private static Set<String> editCandidates(String prose, List<String> codeRegions) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String region : codeRegions) {
            region.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(candidates::add);
        }
        Matcher inline = SIGNS.matcher(Sign.INLINE_CODE, prose);
        while (inline.find()) {
            candidates.add(inline.group(1));
        }
        String unquoted = prose.replace("`", "");
        Matcher phrase = SIGNS.matcher(Sign.EDIT_PHRASE, unquoted);
        while (phrase.find()) {
            candidates.add(PythonText.codePrefix(phrase.group(1)));
        }
        Matcher fragment = SIGNS.matcher(Sign.CODE_FRAGMENT, unquoted);
        while (fragment.find()) {
            candidates.add(PythonText.codePrefix(fragment.group()));
        }
        return candidates;
    }

    private static java.util.Optional<String> exerciseSolution(GuardContext context, List<String> codeRegions,
                                                               StudentProgram student) {
        String reference = context.referenceSolution();
        if (reference == null || reference.isBlank() || codeRegions.isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<String> solutionFunctions = new LinkedHashSet<>();
        Matcher definition = SIGNS.matcher(Sign.DEFINITION, reference);
        while (definition.find()) {
            solutionFunctions.add(definition.group(1));
        }
        List<String> referenceTokens = PythonText.tokens(reference);
        for (String region : codeRegions) {
            Matcher defined = SIGNS.matcher(Sign.DEFINITION, region);
            while (defined.find()) {
                if (solutionFunctions.contains(defined.group(1))) {
                    return java.util.Optional.of("defines " + defined.group(1) + "()");
                }
            }
            List<String> tokens = PythonText.tokens(region);
            if (tokens.size() >= 8 && PythonText.tokenContainment(referenceTokens, tokens) >= 0.6
                    && PythonText.tokenContainment(tokens, referenceTokens) >= 0.6 && !student.contains(region)) {
                return java.util.Optional.of(abbreviate(region));
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> first(Sign sign, String text) {
        Matcher m = SIGNS.matcher(sign, text);
        return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
