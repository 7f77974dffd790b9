package dev.learnflow.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Keeps the seed honest: every seeded exercise's reference solution must pass every one of its own test cases
 * when run by python3 with LearnFlow's test-case semantics (see db/README.md), and its starter code must at
 * least parse. One dynamic test per test case. The interpreter is {@code python3} unless LEARNFLOW_PYTHON says
 * otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedSolutionsTest {

    private static final String PYTHON_COMMAND = System.getenv().getOrDefault("LEARNFLOW_PYTHON", "python3");
    private static final long TIMEOUT_SECONDS = 20;

    @AutoClose // drops the database (closing the connections it gave) after the last test
    private TestDatabase db;
    private List<Map<String, Object>> cases;
    private List<Map<String, Object>> exercises;
    private String harness;
    /** The interpreter's real path: version-manager shims (pyenv) cost a shell start per run otherwise. */
    private String python;

    @BeforeAll
    void load() throws SQLException, IOException {
        db = TestDatabase.createMigrated();
        try (Connection c = db.connect()) {
            cases = Sql.rows(c, """
                    select e.id::text as exercise_id, e.title, e.reference_solution as solution, t.ord,
                           t.value ->> 'name' as name, t.value ->> 'stdin' as stdin,
                           t.value ->> 'expected_stdout' as expected_stdout, t.value ->> 'setup' as setup,
                           t.value ->> 'call' as call, t.value ->> 'expected' as expected
                    from exercises e
                    cross join lateral jsonb_array_elements(e.tests) with ordinality as t(value, ord)
                    where e.source = 'seed'
                    order by e.id, t.ord""");
            exercises = Sql.rows(c, """
                    select id::text as exercise_id, title, starter_code, reference_solution
                    from exercises where source = 'seed' order by id""");
        }
        try (InputStream in = SeedSolutionsTest.class.getResourceAsStream("/run_call_test.py")) {
            assertThat(in).as("run_call_test.py on the test classpath").isNotNull();
            harness = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path tmp = Files.createTempDirectory("learnflow-python-");
        try {
            Result r = run(tmp, "", PYTHON_COMMAND, "-c", "import sys; print(sys.executable)");
            assertThat(r.exit).as("%s does not run: %s", PYTHON_COMMAND, r.stderr).isZero();
            python = r.stdout.strip().isEmpty() ? PYTHON_COMMAND : r.stdout.strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteTree(tmp);
        }
    }

    @TestFactory
    Stream<DynamicTest> referenceSolutionsPassTheirOwnTests() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(exercises.size() * 2);
        return cases.stream().map(c -> DynamicTest.dynamicTest(
                c.get("title") + " / " + c.get("name"), () -> runCase(c)));
    }

    @TestFactory
    Stream<DynamicTest> starterCodeAndSolutionsAreValidPython() {
        assertThat(exercises).isNotEmpty();
        return exercises.stream().map(e -> DynamicTest.dynamicTest(e.get("title") + " parses", () -> {
            for (String field : List.of("starter_code", "reference_solution")) {
                Path dir = Files.createTempDirectory("learnflow-parse-");
                try {
                    Files.writeString(dir.resolve("code.py"), (String) e.get(field));
                    Result r = run(dir, "", python, "-I", "-c",
                            "import ast; ast.parse(open('code.py', encoding='utf-8').read())");
                    assertThat(r.exit).as("%s of %s does not parse:%n%s", field, e.get("title"), r.stderr).isZero();
                } finally {
                    deleteTree(dir);
                }
            }
        }));
    }

    private void runCase(Map<String, Object> c) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("learnflow-seed-");
        try {
            Files.writeString(dir.resolve("solution.py"), (String) c.get("solution"));
            String label = c.get("exercise_id") + " " + c.get("title") + " / " + c.get("name");
            if (c.get("call") != null) {
                Files.writeString(dir.resolve("run_call_test.py"), harness);
                Files.writeString(dir.resolve("call.txt"), (String) c.get("call"));
                Files.writeString(dir.resolve("expected.txt"), (String) c.get("expected"));
                if (c.get("setup") != null) {
                    Files.writeString(dir.resolve("setup.py"), (String) c.get("setup"));
                }
                Result r = run(dir, "", python, "-I", "run_call_test.py");
                assertThat(r.exit).as("%s crashed:%n%s", label, r.stderr).isZero();
                String verdict = lastLine(r.stdout);
                assertThat(verdict).as("%s: expected %s, harness said %s", label, c.get("expected"), verdict)
                        .startsWith("{\"ok\": true");
            } else {
                String stdin = c.get("stdin") == null ? "" : (String) c.get("stdin");
                Result r = run(dir, stdin, python, "-I", "solution.py");
                assertThat(r.exit).as("%s exited with %d:%n%s", label, r.exit, r.stderr).isZero();
                assertThat(normalize(r.stdout)).as(label).isEqualTo(normalize((String) c.get("expected_stdout")));
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** LearnFlow compares stdout ignoring CRLF vs LF, trailing spaces on each line and trailing blank lines. */
    static String normalize(String out) {
        String[] lines = out.replace("\r\n", "\n").split("\n", -1);
        List<String> trimmed = new ArrayList<>();
        for (String line : lines) {
            trimmed.add(line.stripTrailing());
        }
        String joined = String.join("\n", trimmed);
        int end = joined.length();
        while (end > 0 && joined.charAt(end - 1) == '\n') {
            end--;
        }
        return joined.substring(0, end);
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(Path dir, String stdin, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            fail("cannot start " + command[0] + " (install python3 or set LEARNFLOW_PYTHON): " + e.getMessage());
            throw e;
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> slurp(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    private static String slurp(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
