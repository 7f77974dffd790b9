package dev.learnflow.triage.client;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.learnflow.triage.service.Encoder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * all-MiniLM-L6-v2 (quantized), run in-process with ONNX Runtime from the Maven artifact: no network, no model
 * download. The model itself is loaded once per JVM (a static of the model class), so restarting the app in tests
 * or creating this bean again does not load it twice.
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
