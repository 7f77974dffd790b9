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
        assertThat(script.program()).startsWith("import base64, zlib\n").hasSizeLessThan(Limits.CODE_MAX);

        String small = "print('hello')";
        assertThat(SandboxScript.stdinFor(small).orElseThrow()).startsWith("{\"encoding\":\"plain\"}\n");
        assertThat(python(script.program(), SandboxScript.stdinFor(small).orElseThrow())).isEqualTo("14 print('hel");

        String large = "x = 1\n".repeat(Limits.STDIN_MAX / 5);   // over the limit plain, small compressed
        String packed = SandboxScript.stdinFor(large).orElseThrow();
        assertThat(packed).startsWith("{\"encoding\":\"zlib+base64\"}\n");
        assertThat(python(script.program(), packed)).isEqualTo((large.length() + " x = 1\nx = ").strip());
    }

    @Test
    void base85IsWhatPythonDecodesForEveryLastGroupLength() throws Exception {
        Random random = new Random(11);
        for (int length = 0; length <= 9; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = SandboxScript.base85(bytes);
            assertThat(encoded).doesNotContain("'").doesNotContain("\\");
            String decoded = python("import base64, sys\nsys.stdout.write(base64.b85decode(sys.stdin.read()).hex())",
                    encoded);
            assertThat(decoded).as("length %d", length).isEqualTo(java.util.HexFormat.of().formatHex(bytes));
        }
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

    private static String python(String program, String stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "-I", "-S", "-c", program).redirectErrorStream(true).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out.strip();
    }
}
