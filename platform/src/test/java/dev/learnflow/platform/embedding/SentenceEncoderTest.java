package dev.learnflow.platform.embedding;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The encoder's lean ONNX Runtime session (no arena, no memory pattern, one thread, model from a file) must not
 * change a single bit of the vectors: triage's intent examples and concepts' indexes were tuned on them.
 */
class SentenceEncoderTest {

    private static final List<String> TEXTS = List.of(
            "What is a for loop?",
            "How do I fix NameError: name 'x' is not defined",
            "def add(a, b):\n    return a + b\n\nprint(add(1, 2))",
            "Explain recursion with an example, please. " + "Recursion means a function calls itself. ".repeat(120),
            "¿Qué es una lista? Ünïcödé ✓");

    @Test
    void vectorsAreBitForBitThoseOfTheLibrarysModel() {
        SentenceEncoder encoder = new SentenceEncoder();
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();

        for (String text : TEXTS) {
            float[] expected = Encoder.normalize(reference.embed(text).content().vector());
            assertThat(encoder.encode(text)).as(text).hasSize(SentenceEncoder.DIMENSION).containsExactly(expected);
        }
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnesAndBlankTextStillEncodes() {
        SentenceEncoder encoder = new SentenceEncoder();

        float[] loop = encoder.encode("How does a for loop work in Python?");
        float[] iterate = encoder.encode("Iterating over a list with for");
        float[] weather = encoder.encode("The weather is sunny in Lisbon today");

        assertThat(Encoder.cosine(loop, iterate)).isGreaterThan(Encoder.cosine(loop, weather) + 0.2);
        assertThat(Encoder.cosine(loop, loop)).isCloseTo(1.0, within(1e-5));
        assertThat(encoder.encode("  ")).containsExactly(encoder.encode(null));
    }
}
