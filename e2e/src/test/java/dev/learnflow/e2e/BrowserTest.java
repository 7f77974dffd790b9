package dev.learnflow.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client in a real browser against the whole local mesh: {@code web/e2e/browser.mjs} drives Debian's
 * Chromium (headless, through playwright-core) as a teacher and a student of that teacher. It registers both,
 * logs the student out and in, asks the tutor a question and waits for the answer on the socket (code
 * highlighted, the trace stepped, the Mermaid diagram drawn), asks what a line of code prints and steps through
 * the run of that code beside the explanation, asks each suggestion chip's question and gets a real
 * answer (not a clarification, not only "paste your code"), runs code with an error and finds the failing line
 * marked in the editor, asks for hints 1-3 on a program that gives the wrong result (through the gateway's debug
 * route) and steps through its failing run in the editor (suspicious line and current line marked, changed
 * variables shown), submits an exercise and reads the per-test results with the tutor's first hint and asks for
 * hints 2 and 3 on it (the hidden test named only by its category), opens the progress page, then
 * repeats the same error so that progress raises a struggle alert, which must appear on the teacher's open page
 * without a reload, and acknowledges it. The student then answers a quiz (verdict, explanation, the topic's mastery
 * from 0 to 55 %) and finds it as a new point of the module's mastery chart; the teacher's dashboard shows the
 * class's heatmap (the student's cells), weakest topics and frequent errors (the NameErrors), a cell's attempts and
 * timeline, and downloads the class's CSV export (kept with the artifacts). Every page is checked at 375 px for sideways scrolling, and any page
 * error or Content-Security-Policy violation fails the run. Screenshots and timings go to
 * {@code target/e2e-artifacts/browser/}.
 */
@ExtendWith(LocalMesh.class)
class BrowserTest {

    private static final List<String> SCENARIOS = List.of(
            "the gateway serves the client; a teacher registers and sees the class page",
            "a student registers with the class code, logs out and logs in again",
            "the student asks a question and sees the answer",
            "the student asks what a line of code prints and steps through their own code",
            "each suggestion chip in the chat gets a real answer",
            "the student runs code with an error and sees the failing line marked",
            "the student gets hints 1-3 on a program with a wrong result and steps through the failing run",
            "the student submits an exercise and sees per-test results",
            "the student's progress page shows mastery per module and the streak",
            "the teacher sees a live alert appear (no reload) and acknowledges it",
            "the student takes a topic's quiz, sees the explanation, the mastery change and the chart update",
            "the teacher's dashboard shows the class heatmap, weakest topics and frequent errors; CSV export",
            "phone width (375 px): no sideways scrolling, navigation reachable",
            "no page errors and no Content-Security-Policy violations");

    private static final List<String> SCREENSHOTS = List.of("01-login", "01b-register", "02-teacher-class-empty",
            "03-student-answer", "03b-student-chips", "04-student-code-error", "04b-student-code-review",
            "04c-student-failing-run", "05a-exercise-list", "05-student-exercise-results", "05b-student-exercise-hints", "06-student-progress", "07-teacher-live-alert",
            "08-teacher-alert-acknowledged", "13-student-progress-history-before", "14-student-quiz-feedback",
            "15-student-progress-history-after", "16-teacher-dashboard", "17-teacher-cell-detail", "09-phone-tutor", "10-phone-code", "11-phone-progress",
            "12-phone-teacher");

    @Test
    void gatewayServesTheClientWithoutATokenAndTheApiStaysProtected() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : List.of("/", "/learn", "/teacher")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(LocalMesh.GATEWAY + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<div id=\"app\">");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("script-src 'self'").contains(":8108");
        }
        assertThat(Api.gateway().get("/api/v1/me", null).status()).isEqualTo(401);
    }

    @Test
    void studentAndTeacherInARealBrowser() throws Exception {
        Path web = webDir();
        Path chromium = Path.of(System.getProperty("learnflow.chromium", "/usr/bin/chromium"));
        assertThat(chromium).as("Chromium (apt-get install chromium; .ci/run installs it)").isExecutable();
        assertThat(web.resolve("node_modules/playwright-core")).as("web/node_modules (the web module's npm ci)")
                .isDirectory();
        Path artifacts = LocalMesh.artifacts("browser");

        ProcessBuilder pb = new ProcessBuilder("node", "e2e/browser.mjs").directory(web.toFile())
                .redirectErrorStream(true);
        pb.environment().put("LEARNFLOW_GATEWAY", LocalMesh.GATEWAY);
        pb.environment().put("LEARNFLOW_ARTIFACTS", artifacts.toString());
        pb.environment().put("CHROMIUM", chromium.toString());

        long started = System.nanoTime();
        Process process = pb.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                    System.out.println("[browser] " + line);
                }
            } catch (Exception ignored) {
                // the process ended
            }
        }, "browser-output");
        reader.start();
        boolean ended = process.waitFor(12, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        reader.join(10_000);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String all = String.join("\n", output);
        System.out.println("[browser] took " + seconds + " s; screenshots in " + artifacts);

        assertThat(ended).as("browser run ended within 12 minutes:\n" + all).isTrue();
        assertThat(process.exitValue()).as("browser run exit code:\n" + all).isZero();
        for (String scenario : SCENARIOS) {
            assertThat(output).as("scenario passed: " + scenario + "\n" + all)
                    .anyMatch(line -> line.startsWith("PASS " + scenario));
        }
        assertThat(all).contains(SCENARIOS.size() + " passed, 0 failed");
        for (String name : SCREENSHOTS) {
            Path png = artifacts.resolve(name + ".png");
            assertThat(png).as("screenshot " + name).isRegularFile();
            assertThat(Files.size(png)).as("screenshot " + name).isGreaterThan(5_000);
        }
        // The teacher's CSV export as the browser downloaded it.
        assertThat(Files.readString(artifacts.resolve("class-activity.csv"))).startsWith("timestamp,student_id");
    }

    private static Path webDir() {
        String configured = System.getProperty("learnflow.web.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : LocalMesh.repoRoot().resolve("web");
        assertThat(dir.resolve("e2e/browser.mjs")).as("the browser script").isRegularFile();
        return dir.toAbsolutePath().normalize();
    }
}
