import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.learnflow.platform.embedding.Encoder;
import dev.learnflow.platform.embedding.SentenceEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Resident memory and latency of the sentence encoder (issue 19): {@code library} = langchain4j's
 * AllMiniLmL6V2QuantizedEmbeddingModel as platform used it before, {@code lean} = platform's SentenceEncoder.
 * Run each in its own JVM with the services' flags (see README.md next to this file).
 */
public class EncoderMemory {
    public static void main(String[] args) throws Exception {
        String variant = args[0];
        int texts = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        long before = rss();
        long t0 = System.nanoTime();
        Function<String, float[]> encoder;
        if (variant.equals("library")) {
            AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            encoder = t -> Encoder.normalize(model.embed(t).content().vector());
        } else if (variant.equals("lean")) {
            SentenceEncoder model = new SentenceEncoder();
            encoder = model::encode;
        } else {
            // lean+KEY=VALUE: the lean session with one more ONNX Runtime session config entry, to try one out
            String[] entry = variant.substring("lean+".length()).split("=", 2);
            EmbeddingModel model = leanWith(entry[0], entry[1]);
            encoder = t -> Encoder.normalize(model.embed(t).content().vector());
        }
        float[] first = encoder.apply("What is a for loop?");
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long loaded = rss();
        Random random = new Random(19);
        String[] words = "the a loop list for while function return value variable python error name index range print if else class object dictionary key string integer float recursion call stack test".split(" ");
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < texts; i++) {
            int n = 3 + (int) Math.abs(random.nextGaussian() * 40);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < n; w++) {
                sb.append(words[random.nextInt(words.length)]).append(' ');
            }
            corpus.add(sb.toString());
        }
        for (int i = 0; i < 50; i++) {
            encoder.apply(corpus.get(i)); // warm-up
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long[] nanos = new long[corpus.size()];
        int hash = Arrays.hashCode(first);
        for (int i = 0; i < corpus.size(); i++) {
            long s = System.nanoTime();
            float[] v = encoder.apply(corpus.get(i));
            nanos[i] = System.nanoTime() - s;
            hash = 31 * hash + Arrays.hashCode(v);
        }
        double cpuMsPerEncode = (os.getProcessCpuTime() - cpu0) / 1e6 / corpus.size();
        Arrays.sort(nanos);
        System.gc();
        Thread.sleep(Long.getLong("settle.ms", 500));
        long after = rss();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%s: rss jvm %d MiB, +load %d MiB, +%d encodes %d MiB (total %d MiB); heap committed %d MiB; threads %d; "
                        + "load %d ms; encode p50 %.2f / p95 %.2f / p99 %.2f ms, CPU %.2f ms per encode; vectors hash %08x%n",
                variant, before >> 20, (loaded - before) >> 20, texts, (after - loaded) >> 20, after >> 20,
                rt.totalMemory() >> 20, threads(), loadMs, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 95 / 100] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, cpuMsPerEncode, hash);
    }

    private static EmbeddingModel leanWith(String key, String value) throws Exception {
        Path file = Files.createTempFile("minilm-", ".onnx");
        try (var in = EncoderMemory.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setMemoryPatternOptimization(false);
        options.setCPUArenaAllocator(false);
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry(key, value);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = env.createSession(file.toString(), options);
        Files.delete(file);
        OnnxBertBiEncoder bert = new OnnxBertBiEncoder(env, session,
                EncoderMemory.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json"), PoolingMode.MEAN);
        return new AbstractInProcessEmbeddingModel(Runnable::run) {
            @Override
            protected OnnxBertBiEncoder model() {
                return bert;
            }

            @Override
            protected Integer knownDimension() {
                return 384;
            }
        };
    }

    private static long rss() throws Exception {
        return status("VmRSS:") * 1024;
    }

    private static long threads() throws Exception {
        return status("Threads:");
    }

    private static long status(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
