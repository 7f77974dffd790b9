package dev.learnflow.bench.mesh;

import dev.learnflow.local.launcher.DbTarget;
import dev.learnflow.local.launcher.Mesh;
import dev.learnflow.local.launcher.Processes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bench's mesh as {@code ./learnflow up} runs it: the launcher (ten sidecars, embedded Kafka) in a JVM of its
 * own ({@link MeshHost}, with the launcher's JVM options from the {@code learnflow} script, which {@code run.sh}
 * passes in {@code MESH_LAUNCHER_JAVA_OPTS}), the ten services its children; the bench's clients stay in this JVM.
 * So the mesh's memory and CPU are those of the launcher process and the services, without the clients'.
 */
final class LauncherProcess implements AutoCloseable {

    /** The launcher's JVM options, as the {@code learnflow} script runs it (run.sh reads them from there). */
    static final String JAVA_OPTS = System.getenv().getOrDefault("MESH_LAUNCHER_JAVA_OPTS",
            "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MetaspaceSize=96m -XX:-ShrinkHeapInSteps -XX:NewRatio=4 -XX:MinHeapFreeRatio=70 -XX:MaxHeapFreeRatio=90");

    private final List<String> command;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private Process process;
    private Writer requests;
    private long pid = -1;
    private String kafka;
    private Duration startupTime;
    private int dbPort;
    private Map<String, Long> servicePids = Map.of();

    LauncherProcess(Path root, Path state, DbTarget db, int partitions) {
        command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(JAVA_OPTS.trim().split("\\s+")));
        // the bench's settings (-Dbench.*) shape the mesh's options the same way in the host
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MeshHost.class.getName(),
                root.toString(), state.toString(), Integer.toString(partitions)));
        if (db.embedded()) {
            command.add("embedded");
        } else {
            command.addAll(List.of("external", db.host(), Integer.toString(db.port()), db.name(), db.user(),
                    db.password() == null ? "" : db.password()));
        }
    }

    /** The JVM options of the launcher process, for the report. */
    static String javaOpts() {
        return JAVA_OPTS.trim();
    }

    /** Starts the launcher process and waits until the mesh is ready (or failed). */
    synchronized void startAll() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(MeshHost.PREFIX)) {
                        replies.add(line.substring(MeshHost.PREFIX.length()));
                    } else {
                        System.out.println(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            replies.add("exited");
        }, "launcher-process-reader");
        reader.setDaemon(true);
        reader.start();
        String[] ready = reply(Duration.ofMinutes(15)).split(" ", 6);
        if (!"ready".equals(ready[0])) {
            throw new IllegalStateException("the launcher process did not start the mesh: " + String.join(" ", ready));
        }
        pid = Long.parseLong(ready[1]);
        kafka = ready[2];
        startupTime = Duration.ofMillis(Long.parseLong(ready[3]));
        dbPort = Integer.parseInt(ready[4]);
        servicePids = Map.copyOf(MeshHost.parseLongs(ready.length > 5 ? ready[5] : ""));
    }

    private String reply(Duration timeout) throws InterruptedException {
        String r = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new IllegalStateException("no answer from the launcher process within " + timeout);
        }
        return r;
    }

    private synchronized String ask(String request) {
        try {
            requests.write(request + "\n");
            requests.flush();
            String r = reply(Duration.ofMinutes(1));
            if (!r.startsWith(request + " ") && !r.equals(request)) {
                throw new IllegalStateException("the launcher process answered '" + r + "' to " + request);
            }
            return r.substring(request.length()).trim();
        } catch (IOException e) {
            throw new IllegalStateException("the launcher process is gone: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The launcher JVM's pid. */
    long pid() {
        return pid;
    }

    /** Each service's pid, in start order. */
    Map<String, Long> servicePids() {
        return servicePids;
    }

    String kafkaBootstrapServers() {
        return kafka;
    }

    Duration startupTime() {
        return startupTime;
    }

    /** The port the database listens on (an embedded one gets a free port). */
    int dbPort() {
        return dbPort;
    }

    /** The mesh's memory as the launcher measures it: its own JVM, each service with its children, PostgreSQL. */
    Mesh.Memory memory() {
        String[] f = ask("memory").split(" ", 4);
        return new Mesh.Memory(Long.parseLong(f[0]), MeshHost.parseLongs(f.length > 3 ? f[3] : ""),
                Long.parseLong(f[1]), Long.parseLong(f[2]));
    }

    /** CPU time of the launcher JVM, the services (with children) and an embedded PostgreSQL. */
    Duration cpuTime() {
        return Duration.ofMillis(Long.parseLong(ask("cpu")));
    }

    /** RSS of this (the bench's) JVM: the clients, not part of the mesh. */
    static long benchRssBytes() {
        return Processes.rssBytes(ProcessHandle.current().pid()).orElse(0);
    }

    /** Stops the mesh (the launcher stops services, sidecars and Kafka) and waits for the launcher process. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            requests.write("stop\n");
            requests.flush();
            requests.close();
        } catch (IOException ignored) {
            // already going
        }
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroy(); // SIGTERM: its shutdown hook stops the mesh
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
