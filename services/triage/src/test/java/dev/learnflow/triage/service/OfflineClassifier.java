package dev.learnflow.triage.service;

import dev.learnflow.platform.embedding.SentenceEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The offline classifier as the service builds it (its examples, thresholds 0.5 / 0.3), for the lane tests. */
final class OfflineClassifier {

    private OfflineClassifier() {
    }

    static IntentClassifier load() {
        try (InputStream in = OfflineClassifier.class.getClassLoader()
                .getResourceAsStream(IntentClassifier.EXAMPLES_RESOURCE)) {
            return new IntentClassifier(new SentenceEncoder(), IntentClassifier.readExamples(in), 0.5, 0.3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
