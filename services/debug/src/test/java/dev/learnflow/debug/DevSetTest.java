package dev.learnflow.debug;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.learnflow.debug.domain.Expectations;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.domain.TestCase;
import dev.learnflow.debug.service.CodeFacts;
import dev.learnflow.debug.service.ExpectationParser;
import dev.learnflow.debug.service.WrongResultHints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tuning set of wrong programs (src/test/resources/debug/devset.json, written for tuning; the labelled
 * benchmark lives apart in bench/): question and error parsed, harness run as in the sandbox, then how often the
 * failing case is found, the bug line is ranked first or in the top three, the category is right, and whether any
 * hint level quotes a whole line of the student's program or of its fix (a leak). Prints a table overall, per
 * category and per way the expectation is stated; the floors only catch a collapse, the real targets are
 * measured by the benchmark.
 */
class DevSetTest {

    /**
     * @param kind how the expectation is stated: question, error, stdin, assert, doctest
     * @param fix  the corrected bug line, when given: no hint may contain it
     * @param after written after the changes it measures, or set aside while tuning (not tuned on): also counted
     *              in a row of its own
     */
    record Program(String category, List<Integer> bugLines, String question, String error, String code, String kind,
                   String fix, boolean after) {
    }

    /** found, first, top 3, category, leaks, count. */
    static final class Tally {
        int n;
        int found;
        int top1;
        int top3;
        int category;
        int leaks;

        String row(String name) {
            return String.format("| %s | %d | %d | %d | %d | %d | %d |%n", name, n, found, top1, top3, category, leaks);
        }
    }

    /** One program parsed and run through the harness, with the time each took. */
    record Diagnosed(Expectations expectations, String code, ProgramDiagnosis diagnosis, long parseMicros,
                     long millis) {
    }

    /**
     * Parses the program's question and error and runs the harness on its cases (none when nothing states what it
     * should do). The sets are diagnosed two programs at once, one python3 per core: the harness runs are most of
     * this module's test time.
     */
    static Diagnosed diagnosed(Program p) {
        long started = System.nanoTime();
        Expectations expectations = ExpectationParser.parse(p.question(), p.error(), p.code());
        long parseMicros = (System.nanoTime() - started) / 1_000;
        String code = expectations.code() == null ? "" : expectations.code();    // pasted in the question too
        ProgramDiagnosis d = expectations.any() ? DiagnosisHarnessTest.diagnose(code, expectations.cases()) : null;
        return new Diagnosed(expectations, code, d, parseMicros, (System.nanoTime() - started) / 1_000_000);
    }

    /** Every dev set; {@code -Ddevset.only=io} scores the sets whose name contains it (while iterating on one). */
    static Stream<String> devSets() {
        String only = System.getProperty("devset.only", "");
        return Stream.of("/debug/devset.json", "/debug/devset-categories.json", "/debug/devset-expectations.json",
                "/debug/devset-setup.json", "/debug/devset-io.json", "/debug/devset-messy.json",
                "/debug/devset-blind12.json", "/debug/devset-blind22.json", "/debug/devset-blind22b.json",
                "/debug/devset-blind22c.json", "/debug/devset-blind23.json", "/debug/devset-blind25a.json",
                "/debug/devset-blind25b.json", "/debug/devset-blind30.json",
                "/debug/devset-blind31.json", "/debug/devset-blind32.json", "/debug/devset-blind33.json").filter(name -> name.contains(only));
    }

    @ParameterizedTest
    @MethodSource("devSets")
    void theDevSetIsDiagnosed(String devFile) throws IOException {
        List<Program> programs;
        try (InputStream in = DevSetTest.class.getResourceAsStream(devFile)) {
            programs = DiagnosisHarnessTest.JSON.readValue(in, new TypeReference<>() {
            });
        }
        Tally all = new Tally();
        Map<String, Tally> byCategory = new TreeMap<>();
        Map<String, Tally> byKind = new TreeMap<>();
        List<Long> millis = new ArrayList<>();
        List<Long> parseMicros = new ArrayList<>();
        StringBuilder misses = new StringBuilder();
        Map<String, Integer> confusion = new TreeMap<>();
        List<Diagnosed> diagnosed = programs.parallelStream().map(DevSetTest::diagnosed).toList();
        for (int i = 0; i < programs.size(); i++) {
            Program p = programs.get(i);
            // a hold-out program's misses are counted, never printed: nobody can tune on what they never see
            StringBuilder shown = p.after() ? new StringBuilder() : misses;
            List<Tally> tallies = new ArrayList<>(List.of(all,
                    byCategory.computeIfAbsent(p.category(), c -> new Tally()),
                    byKind.computeIfAbsent(p.kind(), k -> new Tally())));
            if (p.after()) {
                tallies.add(byKind.computeIfAbsent("(not tuned on)", k -> new Tally()));
            }
            tallies.forEach(t -> t.n++);
            Expectations expectations = diagnosed.get(i).expectations();
            String code = diagnosed.get(i).code();
            ProgramDiagnosis d = diagnosed.get(i).diagnosis();
            parseMicros.add(diagnosed.get(i).parseMicros());
            millis.add(diagnosed.get(i).millis());
            String said = p.question() + " | " + p.error();
            if (d == null || d.failingCase() == null) {
                shown.append("\n  no failing case (").append(p.category()).append("): ").append(said)
                        .append(" cases ").append(expectations.cases());
                continue;
            }
            tallies.forEach(t -> t.found++);
            List<Integer> ranked = d.suspicious().stream().map(ProgramDiagnosis.SuspiciousLine::line).toList();
            if (!ranked.isEmpty() && p.bugLines().contains(ranked.get(0))) {
                tallies.forEach(t -> t.top1++);
            } else {
                shown.append("\n  line ").append(ranked).append(" for ").append(p.bugLines()).append(" (")
                        .append(p.category()).append("): ").append(said).append(" cases ").append(expectations.cases());
            }
            if (ranked.stream().limit(3).anyMatch(p.bugLines()::contains)) {
                tallies.forEach(t -> t.top3++);
            }
            if (p.category().equals(d.category())) {
                tallies.forEach(t -> t.category++);
            } else {
                confusion.merge(p.category() + " -> " + d.category(), 1, Integer::sum);
                shown.append("\n  category ").append(d.category()).append(" for ").append(p.category())
                        .append(": ").append(said);
            }
            List<Hint> hints = WrongResultHints.hints(d, new CodeFacts(code), 3);
            String leak = leak(hints, p, code, d.failingCase().call(), d.failingCase().expected(),
                    d.failingCase().actual());
            if (leak != null) {
                tallies.forEach(t -> t.leaks++);
                // a leak is a broken promise, not a score: shown for hold-out programs too
                misses.append("\n  LEAK of `").append(leak).append("` (").append(p.category()).append(")");
            }
        }
        int n = programs.size();
        millis.sort(Long::compare);
        parseMicros.sort(Long::compare);
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n| dev set %s (%d programs) | result |%n|---|---|%n"
                        + "| failing case found | %d%% |%n"
                        + "| bug line first | %d%% |%n| bug line in top 3 | %d%% |%n| category right | %d%% |%n"
                        + "| leaks | %d |%n| parse + harness run, p50 / p95 (ms, python3 on this machine, two at once) | %d / %d |%n"
                        + "| parse alone, p50 / p95 / max (µs; the first programs warm the JVM up) | %d / %d / %d |%n",
                devFile, n, 100 * all.found / n, 100 * all.top1 / n, 100 * all.top3 / n, 100 * all.category / n,
                all.leaks,
                millis.get(n / 2), millis.get(p95(n)), parseMicros.get(n / 2), parseMicros.get(p95(n)),
                parseMicros.get(n - 1)));
        table.append("\n| | n | found | first | top 3 | category | leaks |\n|---|--:|--:|--:|--:|--:|--:|\n");
        byCategory.forEach((name, t) -> table.append(t.row(name)));
        table.append("|---|--:|--:|--:|--:|--:|--:|\n");
        byKind.forEach((name, t) -> table.append(t.row(name)));
        table.append("\ncategory confusions (expected -> given):");
        confusion.forEach((pair, count) -> table.append("\n  ").append(pair).append(" x").append(count));
        System.out.println(table.append(misses).append('\n'));

        if (devFile.contains("blind22b")) {
            // all held out, measured only: main's code before session 22 found 47, top 3 43, category 34 of 60
            assertThat(all.found).isGreaterThanOrEqualTo(47);
            assertThat(all.top3).isGreaterThanOrEqualTo(42);
            assertThat(all.category).isGreaterThanOrEqualTo(33);
        } else if (devFile.contains("blind22c")) {
            // written for tuning after blind22 (its third held out): main's code before session 22 found 50, top 3 46,
            // category 38 of 60
            assertThat(all.found).isGreaterThanOrEqualTo(50);
            assertThat(all.top3).isGreaterThanOrEqualTo(46);
            assertThat(all.category).isGreaterThanOrEqualTo(38);
        } else if (devFile.contains("blind23")) {
            // written blind in session 23 (every third program held out): main's code before session 23 found 52,
            // bug line first 42, top 3 48, category 42 of 59 (hold-out third 18 / 14 / 16 / 14 of 19); after, 57 / 48 /
            // 55 / 47 (hold-out 18 / 15 / 17 / 14)
            assertThat(all.found).isGreaterThanOrEqualTo(56);
            assertThat(all.top3).isGreaterThanOrEqualTo(54);
            assertThat(all.category).isGreaterThanOrEqualTo(46);
        } else if (devFile.contains("blind25a")) {
            // written blind in session 25 (every third program held out): main's code before session 25 found 54,
            // bug line first 45, top 3 50, category 44 of 58 (hold-out third 19 / 16 / 18 / 16 of 20); after, 55 / 49 /
            // 52 / 50 (hold-out unchanged)
            assertThat(all.found).isGreaterThanOrEqualTo(55);
            assertThat(all.top3).isGreaterThanOrEqualTo(52);
            assertThat(all.category).isGreaterThanOrEqualTo(50);
        } else if (devFile.contains("blind25b")) {
            // written blind in session 25 by a helper told of non-native askers, partial stories and an intermediate
            // style: main's code before session 25 found 51, first 34, top 3 45, category 26 of 59 (hold-out third
            // 17 / 9 / 14 / 7 of 20); after, 53 / 39 / 48 / 39 (hold-out 17 / 9 / 14 / 8)
            assertThat(all.found).isGreaterThanOrEqualTo(53);
            assertThat(all.top3).isGreaterThanOrEqualTo(48);
            assertThat(all.category).isGreaterThanOrEqualTo(39);
        } else if (devFile.contains("blind30")) {
            // written blind in session 30 by a helper told of longer programs (the bug in a helper another function
            // calls, classes, input() menus): main's code before session 30 found 56, first 38, top 3 46, category 40
            // of 66 (hold-out third 20 / 15 / 17 / 15 of 22); after, 61 / 47 / 50 / 49 (hold-out 20 / 16 / 17 / 16)
            assertThat(all.found).isGreaterThanOrEqualTo(61);
            assertThat(all.top3).isGreaterThanOrEqualTo(50);
            assertThat(all.category).isGreaterThanOrEqualTo(49);
        } else if (devFile.contains("blind31")) {
            // written blind in session 31 by a helper told of first-month scripts (no functions, input() loops,
            // pasted console runs, wrong theories): main's code before session 31 found 48, first 37, top 3 43,
            // category 37 of 60 (hold-out third 18 / 13 / 14 / 10 of 20); after, 59 / 52 / 54 / 51 (hold-out 20 / 14
            // / 15 / 12); one below each, for a busy machine's timing
            assertThat(all.found).isGreaterThanOrEqualTo(58);
            assertThat(all.top3).isGreaterThanOrEqualTo(53);
            assertThat(all.category).isGreaterThanOrEqualTo(50);
        } else if (devFile.contains("blind32")) {
            // written blind in session 31 by a helper told of autograder reports pasted in many formats (tables,
            // JSON rows, "Test 3 of 7 failed", unittest and pytest output): main's code before session 32 found 49,
            // first 36, top 3 42, category 34 of 57 (hold-out third 15 / 9 / 11 / 7 of 19); after, 55 / 46 / 50 / 45
            // (hold-out 17 / 11 / 13 / 9); one below each
            assertThat(all.found).isGreaterThanOrEqualTo(54);
            assertThat(all.top3).isGreaterThanOrEqualTo(49);
            assertThat(all.category).isGreaterThanOrEqualTo(44);
        } else if (devFile.contains("blind33")) {
            // written blind in session 32 by a helper told of weeks 5-10 of a course (comprehensions, dicts of lists,
            // sorted with a key, small classes, helpers other functions call): main's code before found 56, first 43,
            // top 3 49, category 37 of 61 (hold-out third 19 / 17 / 18 / 15 of 20; the harness crashed on one
            // program, a call read from the words that was no Python, and was mended first); after, 58 / 51 / 55 / 49
            // (hold-out unchanged); one below each
            assertThat(all.found).isGreaterThanOrEqualTo(57);
            assertThat(all.top3).isGreaterThanOrEqualTo(54);
            assertThat(all.category).isGreaterThanOrEqualTo(48);
        } else if (devFile.contains("devset-io")) {
            // written to show what was missing (before the changes it measured: 29 found, 26 top 3, 21 category)
            assertThat(all.found).isGreaterThanOrEqualTo(30);
            assertThat(all.top3).isGreaterThanOrEqualTo(27);
            assertThat(all.category).isGreaterThanOrEqualTo(25);
        } else {
            assertThat(all.found).isGreaterThanOrEqualTo(n * 9 / 10);
            assertThat(all.top3).isGreaterThanOrEqualTo(n * 7 / 10);
            assertThat(all.category).isGreaterThanOrEqualTo(n * 6 / 10);
        }
        assertThat(all.leaks).isZero();
    }

    private static int p95(int n) {
        return Math.min(n - 1, (int) Math.ceil(n * 0.95) - 1);
    }

    /**
     * A whole student line (of some substance) or the fixed line, whitespace ignored, inside a hint; or null. A
     * line that is the failing call itself (a bare {@code countdown(5)} at the end of the script) is the input
     * level 1 must show, not a piece of the fix.
     */
    static String leak(List<Hint> hints, Program p, String code, String failingCall, String expected, String actual) {
        String call = failingCall == null ? null : flat(TestCase.compared(failingCall));
        String wanted = expected == null ? null : flat(expected);
        String given = actual == null ? null : flat(actual);
        // what level 1 shows is no leak: the failing call (also a row of a literal that is its argument), its
        // expected value (also when that is a doctest line of the program) and the value it gave (a string literal
        // the program returns as it is)
        List<String> lines = new ArrayList<>(code.lines().map(String::strip)
                .filter(l -> flat(l).length() >= 6 && !l.startsWith("#"))
                .filter(l -> !flat(l).equals(wanted) && !flat(l).replaceAll(",$", "").equals(given)
                        && (call == null || !call.contains(flat(l)))).toList());
        if (p.fix() != null) {
            // a line of the fix the program already has (a `break` only indented further) is the student's own
            Set<String> own = code.lines().map(l -> l.replaceAll("\\s", "")).collect(java.util.stream.Collectors.toSet());
            p.fix().lines().map(String::strip).filter(l -> !l.isEmpty() && !own.contains(l.replaceAll("\\s", "")))
                    .forEach(lines::add);
        }
        for (Hint hint : hints) {
            for (String line : lines) {
                if (quoted(line).matcher(hint.text()).find()) {
                    return line + "` in `" + hint.text();
                }
            }
        }
        return null;
    }

    /** Spaces out, quotes alike: how a student line and a hint's text are compared. */
    private static String flat(String text) {
        return text.replaceAll("\\s", "").replace('"', '\'');
    }

    /** The line, spacing ignored except between two words ("return s" is not "returns"). */
    static Pattern quoted(String line) {
        String[] tokens = line.strip().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\w])");
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                boolean words = Character.isLetterOrDigit(tokens[i - 1].charAt(tokens[i - 1].length() - 1))
                        && Character.isLetterOrDigit(tokens[i].charAt(0));
                regex.append(words ? "\\s+" : "\\s*");
            }
            regex.append(tokens[i].chars().mapToObj(c -> Pattern.quote(Character.toString(c)))
                    .reduce("", (a, b) -> a + b + "\\s*"));
        }
        return Pattern.compile(regex.append("(?![\\w])").toString());
    }
}
