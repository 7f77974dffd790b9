package dev.learnflow.concepts;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

class ProbeTest {
    @Test
    void probe() throws Exception {
        AnswerPlannerTest.load();
        for (String q : Files.readAllLines(Path.of("/work/notes/probe.txt"))) {
            if (!q.isBlank()) {
                System.out.printf("PROBE %-60s -> %s | %s%n", q, AnswerPlannerTest.describe(AnswerPlannerTest.planner.plan(q, null)),
                        AnswerPlannerTest.planner.keyTermsOf(q));
            }
        }
    }
}
