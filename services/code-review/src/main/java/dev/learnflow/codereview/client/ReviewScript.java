package dev.learnflow.codereview.client;

import dev.learnflow.contracts.validation.Limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * The review script (resources {@code review/review.py}) as a sandbox program, and the student's code as its
 * stdin. The script is larger than a run's code limit, so it travels compressed behind a one-line bootstrap; the
 * student's code travels plain when it fits the stdin limit and compressed otherwise.
 */
public final class ReviewScript {

    static final String RESOURCE = "review/review.py";

    private static final String PROGRAM = bootstrap(load());

    private ReviewScript() {
    }

    /** The program to run in the sandbox. */
    public static String program() {
        return PROGRAM;
    }

    /** The script's own source (for tests and documentation). */
    public static String source() {
        return new String(load(), StandardCharsets.UTF_8);
    }

    /** stdin for the script: a JSON header line and the code; empty when even compressed it is too long. */
    public static Optional<String> stdinFor(String code) {
        String plain = "{\"encoding\":\"plain\"}\n" + code;
        if (plain.length() <= Limits.STDIN_MAX) {
            return Optional.of(plain);
        }
        String packed = "{\"encoding\":\"zlib+base64\"}\n" + compress(code.getBytes(StandardCharsets.UTF_8));
        return packed.length() <= Limits.STDIN_MAX ? Optional.of(packed) : Optional.empty();
    }

    private static String bootstrap(byte[] script) {
        String program = "import base64, zlib\nexec(compile(zlib.decompress(base64.b64decode('" + compress(script)
                + "')), 'review.py', 'exec'))\n";
        if (program.length() > Limits.CODE_MAX) {
            throw new IllegalStateException("review.py compressed is " + program.length()
                    + " characters, over the sandbox's code limit of " + Limits.CODE_MAX);
        }
        return program;
    }

    private static String compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static byte[] load() {
        try (InputStream in = ReviewScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
