package dev.learnflow.triage;

import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.Intent;
import dev.learnflow.triage.service.IntentClassifier;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline classifier (the real in-process model) on a held-out labelled set that shares no sentence with the
 * examples it learns from. Prints the accuracy table; fails when accuracy drops below what the README promises.
 */
class IntentAccuracyTest {

    static final IntentClassifier classifier = DevSets.offlineClassifier();
    static final List<IntentClassifier.Labelled> examples = DevSets.examples();
    static final List<IntentClassifier.Labelled> heldOut = DevSets.labelled("intent-heldout.tsv");
    static final List<IntentClassifier.Labelled> informal = DevSets.labelled("intent-heldout-informal.tsv");

    @Test
    void heldOutSetsShareNoSentenceWithTheExamples() {
        Set<String> known = new HashSet<>();
        examples.forEach(e -> known.add(e.text().toLowerCase()));
        assertThat(heldOut).noneMatch(h -> known.contains(h.text().toLowerCase()));
        assertThat(informal).noneMatch(h -> known.contains(h.text().toLowerCase()));
        for (Intent intent : Intent.values()) {
            assertThat(heldOut).as("held-out sentences for " + intent).filteredOn(h -> h.intent() == intent)
                    .hasSizeGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void accuracyOnTheHeldOutSet() {
        double[] result = report("held-out", heldOut);
        assertThat(result[0]).as("overall accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(result[1]).as("accuracy when confident (the rest get a clarifying question)")
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void accuracyOnInformalPhrasingAndTypos() {
        double[] result = report("informal held-out", informal);
        assertThat(result[0]).as("overall accuracy").isGreaterThanOrEqualTo(0.85);
    }

    /** Prints the table; returns overall accuracy and accuracy when confident. */
    private static double[] report(String name, List<IntentClassifier.Labelled> set) {
        Map<Intent, int[]> perIntent = new EnumMap<>(Intent.class);   // [total, correct, confident, confidentCorrect]
        for (Intent intent : Intent.values()) {
            perIntent.put(intent, new int[4]);
        }
        StringBuilder misses = new StringBuilder();
        for (IntentClassifier.Labelled sample : set) {
            Classification result = classifier.classify(sample.text(), null);
            if (result.intent() != sample.intent() || !result.confident()) {
                misses.append(String.format("  %-20s -> %-20s %s %.2f  %s%n", sample.intent().label(),
                        result.intent().label(), result.confident() ? "sure  " : "unsure", result.confidence(),
                        sample.text()));
            }
            int[] counts = perIntent.get(sample.intent());
            counts[0]++;
            boolean right = result.intent() == sample.intent();
            counts[1] += right ? 1 : 0;
            counts[2] += result.confident() ? 1 : 0;
            counts[3] += result.confident() && right ? 1 : 0;
        }
        int total = 0;
        int correct = 0;
        int confident = 0;
        int confidentCorrect = 0;
        StringBuilder table = new StringBuilder(String.format("%n%s%n%-20s %6s %9s %10s %14s%n", name, "intent", "n",
                "accuracy", "confident", "acc|confident"));
        for (Map.Entry<Intent, int[]> e : perIntent.entrySet()) {
            int[] c = e.getValue();
            table.append(String.format("%-20s %6d %8.1f%% %9.1f%% %13.1f%%%n", e.getKey().label(), c[0],
                    100.0 * c[1] / c[0], 100.0 * c[2] / c[0], c[2] == 0 ? 0 : 100.0 * c[3] / c[2]));
            total += c[0];
            correct += c[1];
            confident += c[2];
            confidentCorrect += c[3];
        }
        double accuracy = (double) correct / total;
        double confidentAccuracy = (double) confidentCorrect / confident;
        table.append(String.format("%-20s %6d %8.1f%% %9.1f%% %13.1f%%%n", "all", total, 100 * accuracy,
                100.0 * confident / total, 100 * confidentAccuracy));
        System.out.println(table + "misses and unsure:\n" + misses);
        perIntent.forEach((intent, c) -> assertThat((double) c[1] / c[0]).as(name + " accuracy for " + intent)
                .isGreaterThanOrEqualTo(0.6));
        return new double[] {accuracy, confidentAccuracy};
    }

    @Test
    void aPastedTracebackIsAlwaysDebugHelp() {
        Classification result = classifier.classify("what is this?\nTraceback (most recent call last):\n"
                + "  File \"main.py\", line 2, in <module>\nZeroDivisionError: division by zero", null);

        assertThat(result.intent()).isEqualTo(Intent.DEBUG_HELP);
        assertThat(result.source()).isEqualTo("signal");
        assertThat(result.confident()).isTrue();
    }

    @Test
    void gibberishIsNotConfidentlyRoutedToAnAgent() {
        Classification result = classifier.classify("qwx zzv blorp", null);

        assertThat(result.confident() && result.intent() != Intent.OFF_TOPIC).isFalse();
    }
}
