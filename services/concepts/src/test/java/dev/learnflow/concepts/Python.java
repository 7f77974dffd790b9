package dev.learnflow.concepts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a program with the machine's python3 the way the sandbox does (main.py, isolated mode, empty folder). */
final class Python {

    private Python() {
    }

    static String stdoutOf(String program) {
        try {
            Path dir = Files.createTempDirectory("lf-concepts");
            Files.writeString(dir.resolve("main.py"), program);
            String python = System.getenv().getOrDefault("LEARNFLOW_PYTHON", "python3");
            Process process = new ProcessBuilder(python, "-I", "-S", "main.py").directory(dir.toFile())
                    .redirectErrorStream(false).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("python3 did not finish");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
