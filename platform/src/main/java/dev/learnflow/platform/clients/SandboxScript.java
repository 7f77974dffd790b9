package dev.learnflow.platform.clients;

import dev.learnflow.contracts.validation.Limits;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * A Python script of a service (a resource, e.g. code-review's analyser or debug's diagnosis harness) made into a
 * program the sandbox accepts: the script is larger than a run's code limit, so it travels bzip2-compressed behind a
 * one-line bootstrap, one character per compressed byte (see {@link #bytesAsCharacters}); what even so does not fit
 * ends the bootstrap's literal from the first line of the run's stdin. Its input travels as the run's stdin after a
 * JSON header line that names the encoding: plain when it fits the stdin limit, compressed otherwise. The scripts
 * read that header.
 */
public final class SandboxScript {

    /** The most of a script's compressed characters that may travel in stdin when the code limit cannot hold them. */
    static final int TAIL_MAX = Limits.STDIN_MAX / 5;

    private final String resource;
    private final String program;
    /** The compressed characters that did not fit the code limit: the first line of every run's stdin; "" mostly. */
    private final String tail;

    private SandboxScript(String resource, String program, String tail) {
        this.resource = resource;
        this.program = program;
        this.tail = tail;
    }

    /**
     * The script at {@code resource} (class-path relative, e.g. {@code review/review.py}) of {@code owner}'s module.
     * With {@code minify}, what is only for readers is left out before compressing (see {@link #minified}; for scripts
     * that are written to be read and would otherwise not fit).
     *
     * @throws IllegalStateException when the resource is missing or, compressed, still over the code limit
     */
    public static SandboxScript load(Class<?> owner, String resource, boolean minify) {
        return of(resource, source(owner, resource), minify);
    }

    /**
     * The script made from its source. When even compressed it is over the code limit, its last compressed
     * characters (at most {@link #TAIL_MAX}) travel as the first line of the run's stdin, which the bootstrap reads
     * before the script starts: {@link #stdinWith(String)} of this script puts them there. Public for scripts that
     * are not class-path resources (code-execution's tests run such a script through the real sandbox).
     */
    public static SandboxScript of(String resource, String source, boolean minify) {
        byte[] shipped = (minify ? minified(source) : source).getBytes(StandardCharsets.UTF_8);
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        String packed = bytesAsCharacters(bzip2(shipped));
        String start = "import bz2\nexec(compile(bz2.decompress(bytes(ord(c) - " + BYTE_OFFSET + " for c in '";
        String end = "')), '" + name + "', 'exec'))\n";
        if (start.length() + packed.length() + end.length() <= Limits.CODE_MAX) {
            return new SandboxScript(resource, start + packed + end, "");
        }
        // the rest is read as bytes (the stdin's text encoding is the sandbox's locale, these characters are UTF-8)
        start = "import bz2, sys\nexec(compile(bz2.decompress(bytes(ord(c) - " + BYTE_OFFSET + " for c in '";
        end = "' + sys.stdin.buffer.readline().decode('utf-8').rstrip('\\n'))), '" + name + "', 'exec'))\n";
        int room = Limits.CODE_MAX - start.length() - end.length();
        String tail = packed.substring(room);
        if (tail.length() > TAIL_MAX) {
            throw new IllegalStateException(resource + " compressed is " + packed.length() + " characters, over the "
                    + "sandbox's code limit of " + Limits.CODE_MAX + " by more than the " + TAIL_MAX
                    + " a run's stdin may carry");
        }
        return new SandboxScript(resource, start + packed.substring(0, room) + end, tail);
    }

    /** The program to run in the sandbox. */
    public String program() {
        return program;
    }

    public String resource() {
        return resource;
    }

    /** stdin for a script: a JSON header line and the payload; empty when even compressed it is too long. */
    public static Optional<String> stdinFor(String payload) {
        return stdinFor("", payload);
    }

    /**
     * stdin for this script: the compressed characters the code limit could not hold (if any) on a line of their
     * own, then the JSON header line and the payload; empty when even compressed it is too long.
     */
    public Optional<String> stdinWith(String payload) {
        return stdinFor(tail, payload);
    }

    private static Optional<String> stdinFor(String tail, String payload) {
        String before = tail.isEmpty() ? "" : tail + "\n";
        String plain = before + "{\"encoding\":\"plain\"}\n" + payload;
        if (plain.length() <= Limits.STDIN_MAX) {
            return Optional.of(plain);
        }
        String packed = before + "{\"encoding\":\"zlib+base64\"}\n"
                + compress(payload.getBytes(StandardCharsets.UTF_8));
        return packed.length() <= Limits.STDIN_MAX ? Optional.of(packed) : Optional.empty();
    }

    /**
     * Comments, one-line docstrings, the width of an indentation step (four leading spaces become one: Python only needs
     * them consistent) and the line breaks inside brackets or after a backslash (the lines of one statement become one
     * line) are for readers of the resource, not for the sandbox. For scripts without multi-line string literals,
     * whose lines this would change.
     */
    static String minified(String source) {
        StringBuilder out = new StringBuilder();
        int open = 0;
        boolean continued = false;
        for (String line : source.split("\n")) {
            int[] scanned = scan(line);
            String code = line.substring(0, scanned[0]).stripTrailing();
            String stripped = code.strip();
            if (stripped.isEmpty() || open == 0 && !continued && stripped.length() >= 6
                    && stripped.startsWith("\"\"\"") && stripped.endsWith("\"\"\"")) {
                continue;
            }
            if (open > 0 || continued) {
                out.setLength(out.length() - (continued ? 2 : 1));
                while (out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
                out.append(' ').append(stripped).append('\n');
            } else {
                int spaces = code.length() - code.stripLeading().length();
                out.append(" ".repeat(spaces / 4 + spaces % 4)).append(stripped).append('\n');
            }
            open = Math.max(0, open + scanned[1]);
            continued = stripped.endsWith("\\");
        }
        return out.toString();
    }

    /**
     * Where the line's code ends (at a {@code #} outside a string literal, else at its end) and the brackets it leaves
     * open (opened minus closed, outside string literals).
     */
    private static int[] scan(String line) {
        int open = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#') {
                return new int[] {i, open};
            } else if ("([{".indexOf(c) >= 0) {
                open++;
            } else if (")]}".indexOf(c) >= 0) {
                open--;
            }
        }
        return new int[] {line.length(), open};
    }

    static String compress(byte[] data) {
        return java.util.Base64.getEncoder().encodeToString(deflate(data));
    }

    /** Where the characters standing for bytes begin: U+0100, Latin Extended-A. */
    static final int BYTE_OFFSET = 0x100;

    /**
     * Byte b as the character U+0100 + b: one character per byte where base85 needs 1.25 (the code limit counts
     * characters; UTF-8 takes two bytes for each, which nothing on the way limits). U+0100..U+01FF are all assigned
     * letters: no quote, backslash, line break or NUL for the '...' literal, nothing that Unicode normalisation
     * (NFC) or a UTF-8 round trip (JSON, Dapr, the sandbox's job frame, which code-execution decodes and compiles
     * as text) would change.
     */
    static String bytesAsCharacters(byte[] data) {
        StringBuilder out = new StringBuilder(data.length);
        for (byte b : data) {
            out.append((char) (BYTE_OFFSET + (b & 0xFF)));
        }
        return out.toString();
    }

    /** bzip2 (blocks of 900 kB): Python source packs about a tenth smaller than with zlib, which counts at the limit. */
    private static byte[] bzip2(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var bz = new BZip2CompressorOutputStream(out, BZip2CompressorOutputStream.MAX_BLOCKSIZE)) {
            bz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** The script's own source, as the resource holds it. */
    public static String source(Class<?> owner, String resource) {
        try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
