package dev.learnflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What both progress benches do around the progress service: start it, wait for it, and note the machine's load. */
final class BenchedService {

    private BenchedService() {
    }

    /**
     * Starts the progress service from {@code jar} on the ports the local sidecar chose and on database {@code db},
     * its output to {@code log}; {@code flags} are extra system properties ({@code -D...}).
     */
    static Process launch(String jar, Map<String, String> ports, String db, String log, String... flags)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.http.port=" + ports.get("quarkus.http.test-port"),
                "-Ddapr.http.port=" + ports.get("dapr.http.port"), "-Ddapr.grpc.port=" + ports.get("dapr.grpc.port")));
        command.addAll(List.of(flags));
        command.addAll(List.of("-Dquarkus.log.level=WARN", "-jar", jar));
        ProcessBuilder service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of(log).toFile());
        service.environment().put("LEARNFLOW_DB_NAME", db);
        return service.start();
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
