package dev.learnflow.codeexecution;

import dev.learnflow.codeexecution.client.ProcessTree;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.awaitility.core.ConditionTimeoutException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Small helpers for posting runs the way the other services do (JSON through the sidecar). */
final class Runs {

    static final String STUDENT = "6f1c2b1e-0000-4000-8000-000000000001";
    /** Host uids of the sandbox slots (the service runs as root in CI: see learnflow.sandbox.host-uid-base). */
    static final int UID_BASE = 900_000;

    private Runs() {
    }

    static Response run(String code) {
        return run(code, null, null);
    }

    static Response run(String code, String stdin, Integer timeoutMs) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        if (stdin != null) {
            body.put("stdin", stdin);
        }
        if (timeoutMs != null) {
            body.put("timeoutMs", timeoutMs);
        }
        return given().contentType(ContentType.JSON).header("x-learnflow-user", STUDENT).body(body)
                .when().post("/internal/runs");
    }

    static Response tests(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/internal/runs/tests");
    }

    /**
     * Sandbox processes that should not exist: any bwrap/python/setpriv descendant of this JVM, and any process
     * under a sandbox slot uid that is an orphan (its parent is not a sandbox or a JVM; another JVM's running
     * sandboxes, e.g. a parallel build, are not strays).
     */
    static List<String> strayProcesses(java.util.Set<Long> idle) {
        List<String> strays = new java.util.ArrayList<>();
        ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(h -> !idle.contains(h.pid()))
                .filter(h -> h.info().command().map(Runs::sandboxCommand).orElse(false))
                .forEach(h -> strays.add("pid " + h.pid() + " " + h.info().commandLine().orElse("?")));
        for (long pid : ProcessTree.pidsOfUid(u -> u >= UID_BASE && u < UID_BASE + 1_000)) {
            if (idle.contains(pid)) {
                continue;
            }
            ProcessHandle.of(pid).ifPresent(h -> {
                boolean owned = h.parent().flatMap(p -> p.info().command())
                        .map(c -> sandboxCommand(c) || c.endsWith("/java")).orElse(false);
                if (!owned && h.isAlive()) {
                    strays.add("orphan pid " + pid + " under a sandbox uid");
                }
            });
        }
        return strays;
    }

    private static boolean sandboxCommand(String command) {
        return command.contains("bwrap") || command.contains("python") || command.contains("setpriv");
    }

    /**
     * Waits (briefly) until teardown has finished, then returns what is left. Idle pre-started sandboxes (fresh,
     * unused: bwrap and a waiting supervisor, nothing below) are not strays.
     */
    static List<String> strayProcessesAfterSettling(java.util.function.Supplier<java.util.Set<Long>> idle) {
        try {
            return await("sandbox teardown").atMost(java.time.Duration.ofSeconds(5))
                    .pollInterval(java.time.Duration.ofMillis(100)).until(() -> strayProcesses(idle.get()),
                            List::isEmpty);
        } catch (ConditionTimeoutException e) {
            return strayProcesses(idle.get());
        }
    }

    /**
     * Waits until a sandboxed program has written {@code path} inside its own file system, looked at from the host
     * (root) through {@code /proc/<pid>/root} of the processes under the sandbox slot uids.
     */
    static void awaitWrittenInSomeSandbox(String path) {
        await("a sandbox has written " + path).atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> ProcessTree.pidsOfUid(u -> u >= UID_BASE && u < UID_BASE + 1_000).stream()
                        .anyMatch(pid -> java.nio.file.Files.exists(java.nio.file.Path.of("/proc/" + pid + "/root"
                                + path))));
    }
}
