package dev.learnflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** What both progress benches do around the progress service they start: wait for it, and note the machine's load. */
final class BenchedService {

    private BenchedService() {
    }

    /** Waits (1 s steps, at most {@code seconds}) until the service answers ready; fails when it exits first. */
    static void waitReady(HttpClient http, String base, Process app, int seconds, String log) throws Exception {
        for (int i = 0; i < seconds; i++) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the service did not become ready");
    }

    /** The 1-minute load average, for the results header ("?" where /proc is not there). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
