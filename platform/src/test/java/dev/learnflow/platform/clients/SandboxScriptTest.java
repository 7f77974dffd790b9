package dev.learnflow.platform.clients;

import dev.learnflow.contracts.validation.Limits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A script shipped as the sandbox gets it, run by python3 as the sandbox runs it. */
class SandboxScriptTest {

    @Test
    void theBootstrappedScriptRunsAndReadsPlainAndCompressedPayloads() throws Exception {
        SandboxScript script = SandboxScript.load(SandboxScriptTest.class, "sandbox/echo.py", true);
        assertThat(script.program()).startsWith("import bz2\n").hasSizeLessThan(Limits.CODE_MAX);

        String small = "print('hello')";
        assertThat(SandboxScript.stdinFor(small).orElseThrow()).startsWith("{\"encoding\":\"plain\"}\n");
        assertThat(python(script.program(), SandboxScript.stdinFor(small).orElseThrow())).isEqualTo("14 print('hel");

        String large = "x = 1\n".repeat(Limits.STDIN_MAX / 5);   // over the limit plain, small compressed
        String packed = SandboxScript.stdinFor(large).orElseThrow();
        assertThat(packed).startsWith("{\"encoding\":\"zlib+base64\"}\n");
        assertThat(python(script.program(), packed)).isEqualTo((large.length() + " x = 1\nx = ").strip());
    }

    @Test
    void aScriptOverTheCodeLimitEvenCompressedTakesItsLastCharactersFromTheFirstLineOfStdin() throws Exception {
        // random text does not compress: 41,000 hex digits pack to a little over the code limit
        java.util.Random random = new java.util.Random(7);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 20_500; i++) {
            hex.append(String.format("%02x", random.nextInt(256)));
        }
        String source = "import base64, json, sys, zlib\nDATA = '" + hex + "'\nheader = json.loads(sys.stdin.readline())\n"
                + "body = sys.stdin.read()\nif header['encoding'] == 'zlib+base64':\n"
                + "    body = zlib.decompress(base64.b64decode(body)).decode()\nprint(len(DATA), DATA[-6:], body[:10])\n";
        SandboxScript script = SandboxScript.of("sandbox/big.py", source, false);
        assertThat(script.program()).hasSizeLessThanOrEqualTo(Limits.CODE_MAX);

        String stdin = script.stdinWith("print('hello')").orElseThrow();
        String tail = stdin.substring(0, stdin.indexOf('\n'));
        assertThat(tail).isNotEmpty().hasSizeLessThanOrEqualTo(SandboxScript.TAIL_MAX);
        assertThat(stdin.substring(tail.length() + 1)).startsWith("{\"encoding\":\"plain\"}\n");
        assertThat(python(script.program(), stdin)).isEqualTo("41000 " + hex.substring(hex.length() - 6)
                + " print('hel");
        // without its tail the script cannot start: the literal is cut
        assertThat(python(script.program(), SandboxScript.stdinFor("print('hello')").orElseThrow()))
                .doesNotContain("41000");
    }

    @Test
    void aScriptThatFitsCarriesNothingInStdin() {
        SandboxScript script = SandboxScript.load(SandboxScriptTest.class, "sandbox/echo.py", true);
        assertThat(script.stdinWith("x = 1")).isEqualTo(SandboxScript.stdinFor("x = 1"));
    }

    @Test
    void everyByteValueComesBackAsItWasThroughUtf8AndTheBootstrapsDecoding() throws Exception {
        byte[] every = new byte[256];
        for (int b = 0; b < 256; b++) {
            every[b] = (byte) b;
        }
        String encoded = SandboxScript.bytesAsCharacters(every);
        assertThat(encoded).hasSize(every.length).doesNotContain("'").doesNotContain("\\").doesNotContain("\n")
                .doesNotContain("\r").doesNotContain("\0");
        // what the sandbox's supervisor does: UTF-8 bytes decoded and compiled as text, the literal turned back
        String decoded = python("import sys\ntext = sys.stdin.buffer.read().decode('utf-8')\n"
                + "sys.stdout.write(bytes(ord(c) - " + SandboxScript.BYTE_OFFSET + " for c in eval(\"'\" + text + \"'\")).hex())",
                encoded);
        assertThat(decoded).isEqualTo(java.util.HexFormat.of().formatHex(every));
        assertThat(java.text.Normalizer.normalize(encoded, java.text.Normalizer.Form.NFC)).isEqualTo(encoded);
    }

    @Test
    void theBootstrapTakesOneCharacterPerCompressedByte() {
        String source = SandboxScript.source(SandboxScriptTest.class, "sandbox/echo.py");
        SandboxScript script = SandboxScript.load(SandboxScriptTest.class, "sandbox/echo.py", false);
        String literal = script.program().substring(script.program().indexOf(" in '") + 5,
                script.program().lastIndexOf("')), "));
        byte[] compressed = new byte[literal.length()];
        for (int i = 0; i < literal.length(); i++) {
            compressed[i] = (byte) (literal.charAt(i) - SandboxScript.BYTE_OFFSET);
        }
        byte[] out;
        try (var bz = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream(
                new java.io.ByteArrayInputStream(compressed))) {
            out = bz.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        int n = out.length;
        assertThat(new String(out, 0, n, StandardCharsets.UTF_8)).isEqualTo(source);
    }

    @Test
    void aPayloadTooLargeEvenCompressedHasNoStdin() {
        StringBuilder noise = new StringBuilder();
        Random random = new Random(7);
        while (noise.length() < Limits.STDIN_MAX * 2) {
            noise.append((char) ('!' + random.nextInt(90)));
        }
        assertThat(SandboxScript.stdinFor(noise.toString())).isEmpty();
    }

    @Test
    void minifyingDropsOnlyWhatIsForReaders() {
        String source = "# a comment\nimport sys\n    \"\"\"One line.\"\"\"\nx = '# not a comment'\n\nprint(x)\n";
        assertThat(SandboxScript.minified(source)).isEqualTo("import sys\nx = '# not a comment'\nprint(x)\n");
        assertThat(SandboxScript.minified("if x:\n    for y in x:\n        f(y,  # why\n          2)\n"))
                .isEqualTo("if x:\n for y in x:\n  f(y, 2)\n");
        assertThat(SandboxScript.minified("a = '(' + \"[\"  # (\nb = [1,\n     # one\n     2] + \\\n    c\nd = ')#'\n"))
                .isEqualTo("a = '(' + \"[\"\nb = [1, 2] + c\nd = ')#'\n");
        assertThat(SandboxScript.source(SandboxScriptTest.class, "sandbox/echo.py")).contains("# A script as");
        assertThatThrownBy(() -> SandboxScript.load(SandboxScriptTest.class, "sandbox/missing.py", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }

    /** The program as a UTF-8 file (as the sandbox gets its bytes: not through argv, whose encoding is the locale's). */
    private static String python(String program, String stdin) throws IOException, InterruptedException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sandbox-script", ".py");
        try {
            java.nio.file.Files.writeString(file, program, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder("python3", "-I", "-S", file.toString()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.strip();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
