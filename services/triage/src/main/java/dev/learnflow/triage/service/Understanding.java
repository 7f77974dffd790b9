package dev.learnflow.triage.service;

import dev.learnflow.platform.embedding.SentenceEncoder;
import dev.learnflow.triage.client.CurriculumRepository;
import dev.learnflow.triage.config.TriageConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The offline models triage works with: the intent classifier over the labelled examples and the topic matcher over
 * the curriculum. Loading the ONNX model and embedding the examples takes seconds on a small machine; it happens
 * during startup, so the service reports ready only once it can classify (and fails to start without its examples).
 */
@ApplicationScoped
public class Understanding {

    private static final Logger LOG = Logger.getLogger(Understanding.class);

    private final SentenceEncoder encoder;
    private final CurriculumRepository curriculum;
    private final TriageConfig config;
    private final CompletableFuture<IntentClassifier> classifier = new CompletableFuture<>();
    private volatile TopicMatcher topics;

    public Understanding(SentenceEncoder encoder, CurriculumRepository curriculum, TriageConfig config) {
        this.encoder = encoder;
        this.curriculum = curriculum;
        this.config = config;
    }

    void warmUp(@Observes StartupEvent start) {
        load();
        classifier.join();
    }

    private void load() {
        try {
            long started = System.nanoTime();
            List<IntentClassifier.Labelled> examples;
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(IntentClassifier.EXAMPLES_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(IntentClassifier.EXAMPLES_RESOURCE + " is missing");
                }
                examples = IntentClassifier.readExamples(in);
            }
            classifier.complete(new IntentClassifier(encoder, examples, config.minConfidence(),
                    config.minSimilarity()));
            LOG.infof("Intent classifier ready: %d examples in %d ms", examples.size(),
                    (System.nanoTime() - started) / 1_000_000);
            topics();
        } catch (Exception e) {
            LOG.error("Intent classifier failed to load", e);
            classifier.completeExceptionally(e);
        }
    }

    public IntentClassifier classifier() {
        return classifier.join();
    }

    /** Loaded on first use after the classifier; retried on the next call if the database was unreachable. */
    public TopicMatcher topics() {
        TopicMatcher loaded = topics;
        if (loaded == null) {
            synchronized (this) {
                if (topics == null) {
                    try {
                        topics = new TopicMatcher(encoder, curriculum.topics(), config.minTopicSimilarity());
                    } catch (RuntimeException e) {
                        LOG.warnf("Curriculum topics unavailable (%s); questions go on without a topic", e.toString());
                        return new TopicMatcher(encoder, List.of(), config.minTopicSimilarity());
                    }
                }
                loaded = topics;
            }
        }
        return loaded;
    }
}
