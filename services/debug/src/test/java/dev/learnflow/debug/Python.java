package dev.learnflow.debug;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a snippet with the machine's python3, the way the sandbox does (main.py, isolated mode). */
final class Python {

    private Python() {
    }

    static String command() {
        String configured = System.getenv("LEARNFLOW_PYTHON");
        return configured == null || configured.isBlank() ? "python3" : configured;
    }

    /** The snippet's stderr: a real traceback, as Python prints it. */
    static String stderrOf(String code) {
        try {
            Path dir = Files.createTempDirectory("lf-debug");
            Files.writeString(dir.resolve("main.py"), code);
            Process process = new ProcessBuilder(command(), "-I", "-S", "main.py").directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("python3 did not finish");
            }
            return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
