package dev.learnflow.platform.guard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The student's program as the guard compares against it: its non-blank, non-comment lines, as tokens. */
final class StudentProgram {

    /** How alike a candidate and (a stretch of) a student line must be to count as an edit of it. */
    static final double EDIT_SIMILARITY = 0.6;
    /** Example code in an explanation may resemble the student's by chance; only a near copy counts there. */
    static final double EXAMPLE_SIMILARITY = 0.8;

    /** Share of a candidate's tokens found in one student line for it to count as that line rearranged. */
    static final double REARRANGED = 0.8;

    private static final Pattern DEFINED = Pattern.compile("(?m)^\\s*(?:async\\s+)?def\\s+([A-Za-z_]\\w*)");
    private static final Pattern CALL_ONLY = Pattern.compile("^([A-Za-z_]\\w*)\\s*\\(.*\\)$");
    private static final Pattern ASSIGNED = Pattern.compile(
            "^([A-Za-z_][\\w.]*)(?:\\[[^\\]]*\\])*\\s*(?:[-+*/%&|^]|//|\\*\\*)?=[^=]");
    private static final Set<String> STATEMENT_HEADS = Set.of("return", "if", "elif", "while", "for", "def");

    private final List<List<String>> lines;
    private final String compactWhole;
    private final Set<String> definedFunctions = new HashSet<>();
    private final Set<String> heads = new HashSet<>();

    private StudentProgram(String code, List<String> lines) {
        this.lines = lines.stream().map(PythonText::tokens).filter(t -> !t.isEmpty()).toList();
        this.compactWhole = PythonText.compact(String.join("\n", lines));
        Matcher defined = DEFINED.matcher(code);
        while (defined.find()) {
            definedFunctions.add(defined.group(1));
        }
        lines.forEach(line -> head(line).ifPresent(heads::add));
    }

    static StudentProgram of(String code) {
        if (code == null || code.isBlank()) {
            return new StudentProgram("", List.of());
        }
        return new StudentProgram(code, code.lines().map(PythonText::normalise)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    boolean contains(String region) {
        return compactWhole.contains(PythonText.compact(region));
    }

    /**
     * True when the candidate is not the student's own code but a changed version of one of its lines (or of a
     * stretch of one). Quoting the student is fine, a single name ("total") only names a thing, and calling the
     * student's own function with values ({@code fib(5)}) is a case to trace, not a fix. With {@code strict}
     * (hints, reviews), a statement of the same kind as one of the student's ("return ...", "if ...:", an
     * assignment to the same name) that differs from theirs is a corrected line however short it is.
     */
    boolean isCorrectedLine(String rawCandidate, boolean strict) {
        String candidateText = PythonText.normalise(rawCandidate);
        List<String> candidate = PythonText.tokens(candidateText);
        if (candidate.size() < 2 || compactWhole.contains(PythonText.compact(candidateText))) {
            return false;
        }
        Matcher call = CALL_ONLY.matcher(candidateText);
        if (call.matches() && definedFunctions.contains(call.group(1))) {
            return false;
        }
        if (strict && PythonText.isCodeLine(candidateText)
                && head(candidateText).filter(heads::contains).isPresent()) {
            return true;
        }
        double best = 0;
        for (List<String> line : lines) {
            best = Math.max(best, closestEdit(candidate, line));
            if (strict && candidate.size() >= 5 && PythonText.tokenContainment(candidate, line) >= REARRANGED) {
                return true;   // the student's own pieces, put together differently: range(1, n) for range(n + 1)
            }
        }
        return best >= (strict ? EDIT_SIMILARITY : EXAMPLE_SIMILARITY);
    }

    /** What kind of statement a line is, by its keyword or the name it assigns. */
    private static java.util.Optional<String> head(String line) {
        String stripped = line.strip();
        String first = stripped.split("[\\s(:]", 2)[0];
        if (STATEMENT_HEADS.contains(first)) {
            return java.util.Optional.of(first);
        }
        Matcher assigned = ASSIGNED.matcher(stripped);
        return assigned.find() ? java.util.Optional.of("=" + assigned.group(1)) : java.util.Optional.empty();
    }

    /** Best similarity of the candidate to the line or to a stretch of it about its length. */
    private static double closestEdit(List<String> candidate, List<String> line) {
        double best = 0;
        int n = candidate.size();
        int minimum = Math.max(1, (int) Math.floor(n * 0.6));
        int maximum = Math.min(line.size(), (int) Math.ceil(n * 1.5) + 1);
        for (int size = minimum; size <= maximum; size++) {
            for (int start = 0; start + size <= line.size(); start++) {
                double cost = editCost(candidate, line.subList(start, start + size));
                best = Math.max(best, 1.0 - cost / Math.max(n, size));
            }
        }
        return best;
    }

    /** Token edit distance, where a misspelt name costs less than a different one. */
    private static double editCost(List<String> candidate, List<String> window) {
        return EditDistance.weighted(candidate.size(), window.size(),
                (i, j) -> substitutionCost(candidate.get(i), window.get(j)));
    }

    private static double substitutionCost(String written, String students) {
        if (written.equals(students)) {
            return 0;
        }
        if (isName(written) && isName(students)) {
            double similarity = PythonText.similarity(written, students);
            return similarity >= 0.6 ? 1.0 - similarity : 1;
        }
        return 1;
    }

    private static boolean isName(String token) {
        return Character.isLetter(token.charAt(0)) || token.charAt(0) == '_';
    }
}
