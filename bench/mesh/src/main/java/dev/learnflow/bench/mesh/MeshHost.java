package dev.learnflow.bench.mesh;

import dev.learnflow.local.launcher.DbTarget;
import dev.learnflow.local.launcher.Mesh;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The launcher's part of the bench's mesh in a JVM of its own, started by {@link LauncherProcess} with the JVM
 * options {@code ./learnflow up} gives its launcher: it starts the mesh through the launcher's Java API (ten
 * services, ten in-process sidecars, embedded Kafka) with the bench's {@link MeshBench#options} and answers the
 * bench's questions about it on stdin/stdout, one line each ({@code memory}, {@code cpu}, {@code stop}); answers
 * start with {@code @mesh }, everything else the mesh prints goes to stderr. The bench's clients stay in the bench
 * JVM, so this process's memory is the launcher's as {@code ./learnflow up} runs it.
 *
 * <p>Arguments: repository root, state directory, partitions, then the database: {@code embedded} or
 * {@code external host port name user password}. Stops the mesh on {@code stop}, on the end of stdin (the bench
 * went away) and on SIGTERM.
 */
public final class MeshHost {

    static final String PREFIX = "@mesh ";

    private MeshHost() {
    }

    public static void main(String[] args) throws Exception {
        // stdout carries only the answers; whatever else is printed here (the launcher's progress) goes to stderr
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Path root = Path.of(args[0]);
        Path state = Path.of(args[1]);
        int partitions = Integer.parseInt(args[2]);
        DbTarget db = "embedded".equals(args[3]) ? DbTarget.embedded(0)
                : DbTarget.external(args[4], Integer.parseInt(args[5]), args[6], args[7],
                        args.length > 8 ? args[8] : "");
        Mesh mesh = Mesh.create(MeshBench.options(root, state, db, partitions));
        Thread hook = new Thread(mesh::close, "mesh-host-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            mesh.startAll();
        } catch (Throwable e) {
            e.printStackTrace();
            answers.println(PREFIX + "failed " + String.valueOf(e).replace('\n', ' '));
            mesh.close();
            System.exit(1);
        }
        dev.learnflow.platform.memory.IdleHeapRelease.start();   // as Main.up does
        answers.println(PREFIX + "ready " + ProcessHandle.current().pid() + " " + mesh.kafkaBootstrapServers() + " "
                + mesh.startupTime().toMillis() + " " + mesh.db().port() + " " + pids(mesh));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "memory" -> {
                    Mesh.Memory m = mesh.memory();
                    answers.println(PREFIX + "memory " + m.launcher() + " " + m.postgres() + " " + m.totalPss() + " "
                            + m.services().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                    .collect(Collectors.joining(",")));
                }
                case "cpu" -> answers.println(PREFIX + "cpu " + mesh.cpuTime().toMillis());
                case "stop" -> {
                    mesh.close();
                    answers.println(PREFIX + "stopped");
                    Runtime.getRuntime().removeShutdownHook(hook);
                    System.exit(0);
                }
                default -> answers.println(PREFIX + "unknown " + line);
            }
        }
        mesh.close(); // the bench is gone
        Runtime.getRuntime().removeShutdownHook(hook);
        System.exit(0);
    }

    /** {@code name=pid,...} of the services, in start order ({@code -1} where one is not running). */
    private static String pids(Mesh mesh) {
        return mesh.services().entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().alive() ? e.getValue().pid() : -1))
                .collect(Collectors.joining(","));
    }

    static Map<String, Long> parseLongs(String list) {
        Map<String, Long> map = new java.util.LinkedHashMap<>();
        if (list == null || list.isBlank()) {
            return map;
        }
        for (String kv : list.split(",")) {
            int eq = kv.indexOf('=');
            map.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
        }
        return map;
    }
}
