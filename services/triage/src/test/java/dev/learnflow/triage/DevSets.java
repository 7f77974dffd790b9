package dev.learnflow.triage;

import dev.learnflow.platform.embedding.SentenceEncoder;
import dev.learnflow.triage.service.IntentClassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The labelled sets the accuracy tests read, and the offline classifier they measure, built as the service builds it. */
final class DevSets {

    private static IntentClassifier classifier;

    private DevSets() {
    }

    /** {@code intent<TAB>text} lines from the test class path (the shipped examples are on it too). */
    static List<IntentClassifier.Labelled> labelled(String resource) {
        try (InputStream in = DevSets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return IntentClassifier.readExamples(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The examples the service ships and learns from. */
    static List<IntentClassifier.Labelled> examples() {
        return labelled(IntentClassifier.EXAMPLES_RESOURCE);
    }

    /** The classifier on the shipped examples, with the service's default thresholds; built once, it takes a while. */
    static synchronized IntentClassifier offlineClassifier() {
        if (classifier == null) {
            classifier = new IntentClassifier(new SentenceEncoder(), examples(), 0.5, 0.3);
        }
        return classifier;
    }
}
