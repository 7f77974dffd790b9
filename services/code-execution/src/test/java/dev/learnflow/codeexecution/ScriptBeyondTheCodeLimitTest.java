package dev.learnflow.codeexecution;

import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.platform.clients.SandboxScript;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's script that even compressed is over the code limit (debug's diagnosis harness is close to it) runs
 * through the real sandbox: {@link SandboxScript} ships the compressed characters that do not fit as the first line
 * of the run's stdin, which the supervisor hands the run as UTF-8 bytes on fd 0 and the bootstrap reads back before
 * the script starts. The platform's own test shows the same with a bare python3; this one is bubblewrap, seccomp and
 * the supervisor's stdin handling.
 */
@QuarkusTest
class ScriptBeyondTheCodeLimitTest {

    /** Random hex digits hardly compress: 41,000 of them pack to a little over the code limit. */
    private static String randomHex() {
        Random random = new Random(33);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 20_500; i++) {
            hex.append(String.format("%02x", random.nextInt(256)));
        }
        return hex.toString();
    }

    @Test
    void aScriptWhoseLastCompressedCharactersTravelInStdinRunsAsWritten() throws Exception {
        String hex = randomHex();
        String source = "import hashlib, json, sys\nDATA = '" + hex + "'\nheader = json.loads(sys.stdin.readline())\n"
                + "body = sys.stdin.read()\n"
                + "print(header['encoding'], hashlib.sha256(DATA.encode()).hexdigest(), body[::-1])\n";
        SandboxScript script = SandboxScript.of("beyond.py", source, false);
        String stdin = script.stdinWith("payload for the script").orElseThrow();
        String tail = stdin.substring(0, stdin.indexOf('\n'));
        assertThat(script.program()).hasSizeLessThanOrEqualTo(Limits.CODE_MAX);
        assertThat(tail).as("the part that travels in stdin").isNotEmpty();

        Response run = Runs.run(script.program(), stdin, Limits.RUN_TIMEOUT_MAX_MS);

        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(hex.getBytes(StandardCharsets.US_ASCII)));
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.jsonPath().getString("status")).isEqualTo("ok");
        assertThat(run.jsonPath().getString("stdout").strip())
                .isEqualTo("plain " + digest + " tpircs eht rof daolyap");
    }

    @Test
    void withoutItsTailTheSameScriptCannotStart() {
        String hex = randomHex();
        SandboxScript script = SandboxScript.of("beyond.py", "DATA = '" + hex + "'\nprint(len(DATA))\n", false);

        Response run = Runs.run(script.program(), SandboxScript.stdinFor("payload").orElseThrow(),
                Limits.RUN_TIMEOUT_MAX_MS);

        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.jsonPath().getString("stdout")).doesNotContain("41000");
        assertThat(run.jsonPath().getString("status")).isNotEqualTo("ok");
    }
}
