package dev.learnflow.bench.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.concepts.client.TraceRunner;
import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.concepts.domain.Wording;
import dev.learnflow.concepts.service.Diagrams;
import dev.learnflow.concepts.service.ExplanationText;
import dev.learnflow.concepts.service.KnowledgeBase;
import dev.learnflow.concepts.service.LessonRetriever;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.debug.domain.Diagnosis;
import dev.learnflow.debug.domain.Hint;
import dev.learnflow.debug.domain.ParsedError;
import dev.learnflow.debug.service.AnswerText;
import dev.learnflow.debug.service.CodeFacts;
import dev.learnflow.debug.service.ErrorCatalog;
import dev.learnflow.debug.service.HintComposer;
import dev.learnflow.debug.service.TracebackParser;
import dev.learnflow.platform.embedding.SentenceEncoder;
import dev.learnflow.platform.guard.AnswerPolicy;
import dev.learnflow.platform.guard.GuardContext;
import dev.learnflow.platform.guard.OutputGuard;
import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.TopicInfo;
import dev.learnflow.triage.service.IntentClassifier;
import dev.learnflow.triage.service.TopicMatcher;
import org.HdrHistogram.Histogram;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Offline answer latency of the three agents, in process, after warm-up: what each does for one request between
 * receiving it and publishing the answer, without the network hops (sidecar, Kafka) and with the concepts trace
 * already computed (traces of lessons are computed once per process). Prints a table; needs python3 on PATH to
 * compute the traces once, as the sandbox would.
 */
public final class AgentsBench {

    static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    static final int MEASURED = Integer.getInteger("bench.iterations", 1_000);

    static final String[] QUESTIONS = {
        "What is a list comprehension?", "Why does my loop never stop?", "Can you review my function?",
        "Give me an exercise on dictionaries", "How am I doing in the course?", "What's the weather like?",
        "How do I read a file line by line?", "It says KeyError when I access my dict, why?",
        "Is there a better way to write this loop?", "What does nonlocal mean?"};

    static final String[] TRACEBACKS = {
        "Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    print(totl)\n"
                + "NameError: name 'totl' is not defined. Did you mean: 'total'?",
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    print(\"Age: \" + age)\n"
                + "TypeError: can only concatenate str (not \"int\") to str",
        "  File \"main.py\", line 1\n    if x == 1\n             ^\nSyntaxError: expected ':'",
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    print(scores[i])\n"
                + "IndexError: list index out of range"};
    static final String[] CODES = {"total = 0\nfor n in [1, 2]:\n    total += n\nprint(totl)\n",
        "age = 5\nprint(\"Age: \" + age)\n", "if x == 1\n    print(x)\n",
        "scores = [1, 2]\nfor i in range(3):\n    print(scores[i])\n"};

    private AgentsBench() {
    }

    public static void main(String[] args) throws Exception {
        long load = System.nanoTime();
        // triage and concepts share one model (platform's SentenceEncoder), as in production
        SentenceEncoder encoder = new SentenceEncoder();
        IntentClassifier classifier;
        try (InputStream in = AgentsBench.class.getClassLoader()
                .getResourceAsStream(IntentClassifier.EXAMPLES_RESOURCE)) {
            classifier = new IntentClassifier(encoder, IntentClassifier.readExamples(in), 0.5, 0.3);
        }
        KnowledgeBase kb = KnowledgeBase.fromClasspath(AgentsBench.class.getClassLoader());
        List<TopicInfo> topics = kb.lessons().stream()
                .map(l -> new TopicInfo(l.topicId(), "m", l.title(), l.idea())).toList();
        TopicMatcher topicMatcher = new TopicMatcher(encoder, topics, 0.45);
        LessonRetriever retriever = new LessonRetriever(encoder, kb, 0.3);
        double loadMs = (System.nanoTime() - load) / 1e6;
        Map<String, JsonNode> traces = traces(kb);

        List<String[]> rows = new ArrayList<>();
        rows.add(measure("triage: classify + topic", i -> {
            String q = QUESTIONS[i % QUESTIONS.length];
            Classification c = classifier.classify(q, null);
            topicMatcher.match(q);
            if (c.intent() == null) {
                throw new IllegalStateException();
            }
        }));
        rows.add(measure("concepts: retrieve + compose", i -> {
            String q = QUESTIONS[i % QUESTIONS.length];
            Lesson lesson = retriever.best(q, null).map(LessonRetriever.Hit::lesson).orElse(kb.lessons().get(0));
            JsonNode trace = traces.get(lesson.topicId());
            Wording wording = Wording.forStudent(StudentContext.empty(), lesson.topicId());
            Diagrams.of(lesson.diagram(), trace, lesson.example());
            ExplanationText.compose(lesson, lesson.idea(), wording, trace.path("stdout").asText());
        }));
        rows.add(measure("debug: parse + hints", i -> {
            String code = CODES[i % CODES.length];
            ParsedError error = TracebackParser.parse(TRACEBACKS[i % TRACEBACKS.length]).orElseThrow();
            CodeFacts facts = new CodeFacts(code);
            Diagnosis diagnosis = ErrorCatalog.diagnose(error, facts);
            List<Hint> hints = HintComposer.hints(error, diagnosis, facts, 3);
            hints.forEach(h -> OutputGuard.check(h.text(), GuardContext.of(AnswerPolicy.HINT, code)));
            AnswerText.debug(error, diagnosis, hints, 3, false, 3);
        }));

        System.out.printf("%nLearnFlow agents — offline answer latency after %d warm-up requests, %d measured "
                + "(one thread, %d cores, Java %s)%n", WARMUP, MEASURED, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf("model load + example embedding: %.0f ms (once per JVM)%n%n", loadMs);
        System.out.printf("| %-30s | %8s | %8s | %8s | %8s | %8s |%n", "agent path", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "mean ms");
        System.out.printf("|%s|%s|%s|%s|%s|%s|%n", "-".repeat(32), "-".repeat(10), "-".repeat(10), "-".repeat(10),
                "-".repeat(10), "-".repeat(10));
        for (String[] row : rows) {
            System.out.printf("| %-30s | %8s | %8s | %8s | %8s | %8s |%n", (Object[]) row);
        }
        System.out.println("\nGoal: under 50 ms per answer after warm-up.");
        System.exit(0);
    }

    private static String[] measure(String name, IntConsumer body) {
        for (int i = 0; i < WARMUP; i++) {
            body.accept(i);
        }
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            body.accept(i);
            histogram.recordValue(System.nanoTime() - start);
        }
        return new String[] {name, ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
            ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()),
            String.format("%.2f", histogram.getMean() / 1e6)};
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    /** Each lesson's trace, computed once with python3 running our tracer program, as the sandbox would. */
    private static Map<String, JsonNode> traces(KnowledgeBase kb) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> traces = new java.util.HashMap<>();
        for (Lesson lesson : kb.lessons()) {
            Path dir = Files.createTempDirectory("lf-bench");
            Files.writeString(dir.resolve("main.py"), TraceRunner.program(lesson.example()));
            Process process = new ProcessBuilder("python3", "-I", "-S", "main.py").directory(dir.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            traces.put(lesson.topicId(), mapper.readTree(out.lines().reduce((a, b) -> b).orElse("{}")));
        }
        return traces;
    }
}
