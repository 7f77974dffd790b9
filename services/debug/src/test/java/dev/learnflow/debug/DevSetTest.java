package dev.learnflow.debug;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.learnflow.debug.domain.Expectations;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.service.ExpectationParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small tuning set of wrong programs (src/test/resources/debug/devset.json, written for tuning; the labelled
 * benchmark lives apart in bench/): question parsed, harness run as in the sandbox, then how often the failing
 * case is found, the bug line is ranked first or in the top three, and the category is right. Prints a table;
 * the floors only catch a collapse, the real targets are measured by the benchmark.
 */
class DevSetTest {

    record Program(String category, List<Integer> bugLines, String question, String code) {
    }

    @Test
    void theDevSetIsDiagnosed() throws IOException {
        List<Program> programs;
        try (InputStream in = DevSetTest.class.getResourceAsStream("/debug/devset.json")) {
            programs = DiagnosisHarnessTest.JSON.readValue(in, new TypeReference<>() {
            });
        }
        int found = 0;
        int top1 = 0;
        int top3 = 0;
        int category = 0;
        List<Long> millis = new ArrayList<>();
        StringBuilder misses = new StringBuilder();
        for (Program p : programs) {
            long started = System.nanoTime();
            Expectations expectations = ExpectationParser.parse(p.question(), null, p.code());
            ProgramDiagnosis d = expectations.any() ? DiagnosisHarnessTest.diagnose(p.code(), expectations.cases())
                    : null;
            millis.add((System.nanoTime() - started) / 1_000_000);
            if (d == null || d.failingCase() == null) {
                misses.append("\n  no failing case: ").append(p.question());
                continue;
            }
            found++;
            List<Integer> ranked = d.suspicious().stream().map(ProgramDiagnosis.SuspiciousLine::line).toList();
            if (!ranked.isEmpty() && p.bugLines().contains(ranked.get(0))) {
                top1++;
            }
            if (ranked.stream().limit(3).anyMatch(p.bugLines()::contains)) {
                top3++;
            }
            if (p.category().equals(d.category())) {
                category++;
            } else {
                misses.append("\n  category ").append(d.category()).append(" for ").append(p.category())
                        .append(", lines ").append(ranked);
            }
        }
        int n = programs.size();
        millis.sort(Long::compare);
        System.out.printf("%n| dev set (%d programs) | result |%n|---|---|%n| failing case found | %d%% |%n"
                        + "| bug line first | %d%% |%n| bug line in top 3 | %d%% |%n| category right | %d%% |%n"
                        + "| parse + harness run, p50 / p95 (ms, python3 on this machine) | %d / %d |%n%s%n",
                n, 100 * found / n, 100 * top1 / n, 100 * top3 / n, 100 * category / n,
                millis.get(n / 2), millis.get(Math.min(n - 1, (int) Math.ceil(n * 0.95) - 1)), misses);

        assertThat(found).isGreaterThanOrEqualTo(n * 9 / 10);
        assertThat(top3).isGreaterThanOrEqualTo(n * 7 / 10);
        assertThat(category).isGreaterThanOrEqualTo(n * 6 / 10);
    }
}
