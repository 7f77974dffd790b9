package dev.learnflow.bench.tutor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.bench.tutor.LabelledSets.Program;
import dev.learnflow.bench.tutor.LabelledSets.Question;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Issues 16 and 17's benchmark: sends every labelled wrong program to {@code POST /api/v1/debug} (hint levels 1–3)
 * and every labelled question to {@code POST /api/v1/questions} through the gateway of a running mesh, as one
 * registered student each, scores the answers and prints two tables beside their targets (also written to
 * {@code bench/tutor/results/}). Per-item verdicts go to {@code bench/tutor/target/} only: the labelled sets stay
 * out of anything the tutor's developers read.
 *
 * <p>Settings (system properties): {@code bench.gateway}, {@code bench.socket}, {@code bench.only}
 * ({@code debug}|{@code questions}), {@code bench.limit} (first N items of each set), {@code bench.timeout}
 * (seconds per answer), {@code bench.parallel} (both sets at once), {@code bench.results}, {@code bench.questions}
 * (another question set in the same format: a development set of one's own, whose answers are then written whole to
 * {@code bench/tutor/target/answers.jsonl} for reading; never the labelled set's).
 */
public final class TutorBench {

    static final String GATEWAY = System.getProperty("bench.gateway", "http://127.0.0.1:8180");
    static final String SOCKET = System.getProperty("bench.socket", "ws://127.0.0.1:8108/ws");
    static final String ONLY = System.getProperty("bench.only", "all");
    static final int LIMIT = Integer.getInteger("bench.limit", Integer.MAX_VALUE);
    static final Duration TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.timeout", 30));
    static final List<Integer> LEVELS = List.of(1, 2, 3);
    static final boolean PARALLEL = Boolean.getBoolean("bench.parallel");
    /** A development question set in the labelled set's format, or null for the labelled set. */
    static final String OWN_QUESTIONS = System.getProperty("bench.questions");

    /** A table row: measure, result, target, met (null = no target). */
    record Row(String measure, String result, String target, Boolean met) {
    }

    private final List<String> details = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Whole answers to a development set's questions ({@link #OWN_QUESTIONS}), one JSON line each. */
    private final List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path data = root.resolve("bench/tutor/data");
        if (!Files.isRegularFile(data.resolve("wrong-programs.json"))) {
            System.err.println("run from the repository root (bench/tutor/data/wrong-programs.json not found)");
            System.exit(2);
        }
        List<Program> programs = LabelledSets.programs(data.resolve("wrong-programs.json")).stream().limit(LIMIT)
                .toList();
        List<Question> questions = LabelledSets.questions(OWN_QUESTIONS == null ? data.resolve("questions.tsv")
                : root.resolve(OWN_QUESTIONS)).stream().limit(LIMIT).toList();
        Map<String, List<String>> topics = LabelledSets.topicWords(data.resolve("topics.json"));
        Instant started = Instant.now();
        String loadAtStart = loadAverage();
        TutorBench bench = new TutorBench();
        StringBuilder report = new StringBuilder();
        report.append("# Tutor benchmark (issues 16 and 17)\n\n").append(String.format(Locale.ROOT,
                "Run %s against %s; %d cores, load average %s at the start. Offline tutor unless an answer says "
                        + "otherwise (answer sources below).%n%n", DateTimeFormatter.ISO_INSTANT.format(started)
                        .replaceFirst("\\.\\d+Z$", "Z"), GATEWAY, Runtime.getRuntime().availableProcessors(),
                loadAtStart));
        // Both sets at once (two students) halves the run on a slow machine; the answer times then include the other
        // set's load, which the report says.
        java.util.concurrent.CompletableFuture<String> questionPart = PARALLEL && ONLY.equals("all")
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> bench.questionSection(questions, topics))
                : null;
        if (!ONLY.equals("questions")) {
            report.append(bench.debugSection(programs)).append('\n');
        }
        if (questionPart != null) {
            report.append(questionPart.join()).append('\n');
        } else if (!ONLY.equals("debug")) {
            report.append(bench.questionSection(questions, topics)).append('\n');
        }
        if (questionPart != null) {
            report.append("Both sets were sent at the same time (`bench.parallel`), one request at a time each: the "
                    + "answer times include the other set's load.\n\n");
        }
        report.append(String.format(Locale.ROOT, "Load average at the end: %s; the run took %.1f min.%n",
                loadAverage(), Duration.between(started, Instant.now()).toSeconds() / 60.0));
        System.out.println();
        System.out.println(report);
        Path results = root.resolve(System.getProperty("bench.results", "bench/tutor/results"));
        Files.createDirectories(results);
        Files.writeString(results.resolve("latest.md"), report.toString());
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'").withZone(ZoneOffset.UTC).format(started);
        Files.writeString(results.resolve(stamp + ".md"), report.toString());
        Path target = root.resolve("bench/tutor/target");
        Files.createDirectories(target);
        Files.write(target.resolve("details.tsv"), bench.details);
        if (OWN_QUESTIONS != null) {
            Files.write(target.resolve("answers.jsonl"), bench.answers);
        }
        System.out.println("written to " + root.relativize(results.resolve("latest.md")) + " and "
                + root.relativize(results.resolve(stamp + ".md")) + "; per-item verdicts (not for the tutor's "
                + "developers) in " + root.relativize(target.resolve("details.tsv")));
        System.exit(0);
    }

    // --- issue 16 -------------------------------------------------------------------------------------------------

    private String debugSection(List<Program> programs) {
        List<DebugJudge.Verdict> verdicts = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        Map<String, Integer> sources = new TreeMap<>();
        try (Student student = Student.register(GATEWAY, SOCKET, "Bench Debugger")) {
            warmUp(student, "/api/v1/debug", Map.of("code", "print(totl)\n", "hintLevel", 1));
            int i = 0;
            for (Program p : programs) {
                progress("debug %d/%d %s", ++i, programs.size(), p.id());
                List<JsonNode> answers = new ArrayList<>();
                for (int level : LEVELS) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("code", p.code());
                    body.put("hintLevel", level);
                    if (p.question() != null) {
                        body.put("question", p.question());
                    }
                    if (p.error() != null) {
                        body.put("error", p.error());
                    }
                    Student.Outcome o = student.ask("/api/v1/debug", body, TIMEOUT);
                    answers.add(o.answer());
                    if (o.answered()) {
                        latencies.add(o.millis());
                        sources.merge(String.valueOf(DebugJudge.textOrNull(o.answer().path("data").path("source"))),
                                1, Integer::sum);
                    } else {
                        failures.merge(o.failure().replaceFirst(":.*", ""), 1, Integer::sum);
                    }
                }
                DebugJudge.Verdict v = DebugJudge.judge(p, answers);
                verdicts.add(v);
                details.add(String.join("\t", "debug", p.id(), p.category(), p.how(), String.valueOf(p.outcome()),
                        "bug=" + p.bugLines(), "got=" + v.lines(), "kind=" + v.kind(), "category=" + v.category(),
                        "caseFound=" + v.caseFound(), "leaks=" + v.leaks()));
            }
        }
        int n = verdicts.size();
        long leaks = verdicts.stream().mapToLong(v -> v.leaks().size()).sum();
        double p95 = percentile(latencies, 95);
        List<Row> rows = List.of(
                rate("failing case found, when a test or expectation exists", verdicts, DebugJudge.Verdict::caseFound,
                        0.95),
                rate("bug line ranked first", verdicts, DebugJudge.Verdict::firstRight, 0.60),
                rate("bug line in the top 3", verdicts, DebugJudge.Verdict::top3Right, 0.85),
                rate("category right", verdicts, DebugJudge.Verdict::categoryRight, 0.75),
                new Row("solution leaks (a corrected line of the program, or a code block, in any hint)",
                        leaks + " in " + verdicts.stream().filter(v -> !v.leaks().isEmpty()).count() + " of " + n
                                + " programs", "0", leaks == 0 && n > 0),
                new Row("offline answer p95", latencyResult(latencies, failures), "< 1 s",
                        !latencies.isEmpty() && p95 < 1000 && failures.isEmpty()));
        StringBuilder s = new StringBuilder();
        s.append("## Issue 16: wrong programs (`POST /api/v1/debug`, hint levels 1–3)\n\n")
                .append(String.format(Locale.ROOT, "%d wrong programs in %d bug categories (%s), each sent at hint "
                                + "levels %s: %d requests. Expectation stated by %s.%n%n", n,
                        count(verdicts, v -> v.program().category()).size(),
                        count(verdicts, v -> String.valueOf(v.program().outcome())), LEVELS, n * LEVELS.size(),
                        count(verdicts, v -> v.program().how())))
                .append(table(rows)).append('\n')
                .append("Answer sources (`data.source`): ").append(sources).append(". Diagnosis kinds: ")
                .append(count(verdicts, v -> String.valueOf(v.kind()))).append(".\n\n")
                .append(breakdown("By bug category", verdicts, v -> v.program().category()))
                .append(breakdown("By how the expectation is stated", verdicts, v -> v.program().how()))
                .append(breakdown("By what the wrong program does", verdicts, v -> String.valueOf(v.program().outcome())));
        return s.toString();
    }

    private static String breakdown(String title, List<DebugJudge.Verdict> verdicts,
                                    Function<DebugJudge.Verdict, String> key) {
        Map<String, List<DebugJudge.Verdict>> groups = new TreeMap<>();
        verdicts.forEach(v -> groups.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v));
        StringBuilder s = new StringBuilder("### " + title + "\n\n| | n | case found | line first | line top 3 | "
                + "category | leaks |\n|---|--:|--:|--:|--:|--:|--:|\n");
        groups.forEach((k, vs) -> s.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |%n", k,
                vs.size(), vs.stream().filter(DebugJudge.Verdict::caseFound).count(),
                vs.stream().filter(DebugJudge.Verdict::firstRight).count(),
                vs.stream().filter(DebugJudge.Verdict::top3Right).count(),
                vs.stream().filter(DebugJudge.Verdict::categoryRight).count(),
                vs.stream().mapToLong(v -> v.leaks().size()).sum())));
        return s.append('\n').toString();
    }

    // --- issue 17 -------------------------------------------------------------------------------------------------

    private String questionSection(List<Question> questions, Map<String, List<String>> topics) {
        List<QuestionJudge.Verdict> verdicts = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        Map<String, List<Double>> latencyByIntent = new TreeMap<>();
        try (Student student = Student.register(GATEWAY, SOCKET, "Bench Asker")) {
            warmUp(student, "/api/v1/questions", Map.of("question", "How do I print a message on the screen?"));
            int i = 0;
            for (Question q : questions) {
                progress("question %d/%d %s", ++i, questions.size(), q.id());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("question", q.question());
                if (q.code() != null) {
                    body.put("code", q.code());
                }
                Student.Outcome o = student.ask("/api/v1/questions", body, TIMEOUT);
                if (o.answered()) {
                    latencies.add(o.millis());
                    latencyByIntent.computeIfAbsent(intentGroup(q), k -> new ArrayList<>()).add(o.millis());
                } else {
                    failures.merge(o.failure().replaceFirst(":.*", ""), 1, Integer::sum);
                }
                QuestionJudge.Verdict v = QuestionJudge.judge(q, o.answer(), topics);
                verdicts.add(v);
                if (OWN_QUESTIONS != null) {
                    answers.add(q.id() + "\t" + (o.answer() == null ? "null" : o.answer().toString()));
                }
                details.add(String.join("\t", "question", q.id(), q.intent(), String.valueOf(q.topic()), q.expect(),
                        "lane=" + v.lane(), "kind=" + v.kind(), "rightLane=" + v.rightLane(),
                        "answered=" + v.answeredWithoutDeferring(), "onTopic=" + v.onTopic(),
                        "unrelated=" + v.unrelatedLesson(), "abstained=" + v.correctAbstention(),
                        "about=" + v.about().replace('\t', ' ').replace('\n', ' ')));
            }
        }
        List<QuestionJudge.Verdict> answerable = verdicts.stream().filter(v -> v.answeredWithoutDeferring() != null)
                .toList();
        List<QuestionJudge.Verdict> topical = verdicts.stream().filter(v -> v.onTopic() != null).toList();
        List<QuestionJudge.Verdict> unanswerable = verdicts.stream().filter(v -> v.correctAbstention() != null)
                .toList();
        long unrelated = verdicts.stream().filter(QuestionJudge.Verdict::unrelatedLesson).count();
        double p95 = percentile(latencies, 95);
        List<Row> rows = List.of(
                rate("right lane", verdicts, v -> Boolean.TRUE.equals(v.rightLane()), 0.95),
                rate("answerable questions answered without deferring", answerable,
                        v -> v.answeredWithoutDeferring(), 0.90),
                rate("answer on the asked topic (judged by its labelled topic)", topical, v -> v.onTopic(), 0.90),
                new Row("unrelated lessons given", unrelated + " (" + topical.stream()
                        .filter(QuestionJudge.Verdict::unrelatedLesson).count() + " for concept questions, "
                        + unanswerable.stream().filter(QuestionJudge.Verdict::unrelatedLesson).count()
                        + " for unanswerable ones)", "0", unrelated == 0 && !verdicts.isEmpty()),
                rate("correct abstentions on deliberately unanswerable questions", unanswerable,
                        v -> v.correctAbstention(), 0.90),
                new Row("p95 offline", latencyResult(latencies, failures), "< 1 s",
                        !latencies.isEmpty() && p95 < 1000 && failures.isEmpty()));
        long conceptTopics = questions.stream().filter(q -> q.intent().equals("concept_explanation")
                && q.topic() != null).map(Question::topic).distinct().count();
        StringBuilder s = new StringBuilder();
        s.append("## Issue 17: student questions (`POST /api/v1/questions`)\n\n")
                .append(String.format(Locale.ROOT, "%d questions: %s by labelled intent; %d concept topics; %d "
                                + "deliberately unanswerable (%s); %d review requests without code (asking for it "
                                + "is the right lane).%n%n", verdicts.size(), count(verdicts, v -> v.question().intent()),
                        conceptTopics, unanswerable.size(), count(unanswerable, v -> v.question().expect()),
                        verdicts.stream().filter(v -> v.question().expect().equals("clarify")).count()))
                .append(table(rows)).append('\n')
                .append("### By labelled intent\n\n| intent | n | right lane | answered without deferring | "
                        + "lanes given | p95 ms |\n|---|--:|--:|--:|---|--:|\n");
        Map<String, List<QuestionJudge.Verdict>> byIntent = new TreeMap<>();
        verdicts.forEach(v -> byIntent.computeIfAbsent(intentGroup(v.question()), k -> new ArrayList<>()).add(v));
        byIntent.forEach((k, vs) -> s.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s |%n", k,
                vs.size(), vs.stream().filter(v -> Boolean.TRUE.equals(v.rightLane())).count(),
                vs.stream().anyMatch(v -> v.answeredWithoutDeferring() != null) ? String.valueOf(vs.stream()
                        .filter(v -> Boolean.TRUE.equals(v.answeredWithoutDeferring())).count()) : "—",
                count(vs, v -> String.valueOf(v.lane())),
                fmt(percentile(latencyByIntent.getOrDefault(k, List.of()), 95)))));
        // Where the concept answers went wrong, in totals only (the items stay in target/details.tsv): a lesson, a
        // documentation section or an abstention, and whether the labelled topic has a lesson answering it.
        s.append("\n### Concept questions by what answered them\n\n| basis | n | on topic | off topic |\n|---|--:|--:|--:|\n");
        Map<String, List<QuestionJudge.Verdict>> byBasis = new TreeMap<>();
        topical.forEach(v -> byBasis.computeIfAbsent(v.basis(), k -> new ArrayList<>()).add(v));
        byBasis.forEach((k, vs) -> {
            long on = vs.stream().filter(v -> Boolean.TRUE.equals(v.onTopic())).count();
            s.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", k, vs.size(), on, vs.size() - on));
        });
        return s.append('\n').toString();
    }

    private static String intentGroup(Question q) {
        return q.intent() + (q.answerable() ? "" : " (unanswerable)");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static void warmUp(Student student, String path, Object body) {
        for (int i = 0; i < 3; i++) { // models loaded, JIT, consumer groups settled; not scored
            student.ask(path, body, TIMEOUT);
        }
    }

    private static <T> Row rate(String measure, List<T> items, Predicate<T> ok, double target) {
        long good = items.stream().filter(ok).count();
        double share = items.isEmpty() ? 0 : (double) good / items.size();
        return new Row(measure, String.format(Locale.ROOT, "%.1f %% (%d of %d)", 100 * share, good, items.size()),
                String.format(Locale.ROOT, "≥ %.0f %%", 100 * target), !items.isEmpty() && share >= target);
    }

    private static String latencyResult(List<Double> ms, Map<String, Integer> failures) {
        return String.format(Locale.ROOT, "p50 %s / **p95 %s** / max %s ms over %d answers%s", fmt(percentile(ms, 50)),
                fmt(percentile(ms, 95)), fmt(percentile(ms, 100)), ms.size(),
                failures.isEmpty() ? "" : "; not answered: " + failures);
    }

    private static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder("| measure | result | target | met |\n|---|---|---|:-:|\n");
        rows.forEach(r -> s.append("| ").append(r.measure()).append(" | ").append(r.result()).append(" | ")
                .append(r.target()).append(" | ").append(r.met() == null ? "—" : r.met() ? "yes" : "**no**")
                .append(" |\n"));
        return s.toString();
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
        Map<String, Long> out = new TreeMap<>();
        items.forEach(i -> out.merge(key.apply(i), 1L, Long::sum));
        return out;
    }

    /** Nearest-rank percentile; NaN for no values. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
    }

    private static String fmt(double ms) {
        return Double.isNaN(ms) ? "n/a" : ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
                : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(Instant.now().atZone(ZoneOffset.UTC), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
