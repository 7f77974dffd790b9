package dev.learnflow.local.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./learnflow} commands:
 * <ul>
 * <li>{@code up [--data-dir DIR] [--services a,b,...] [--no-demo] [--health-timeout SECONDS]}: start everything
 * in the foreground, print the table, keep running until Ctrl-C or {@code down};</li>
 * <li>{@code down}: stop a running {@code up} (from another terminal) and anything it left behind;</li>
 * <li>{@code status}: what runs, and whether it is healthy.</li>
 * </ul>
 * ({@code logs <service>} and {@code --build} are handled by the shell script.)
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length == 0 || Arrays.asList("-h", "--help", "help").contains(args[0])) {
            usage(out);
            return;
        }
        Path root = repoRoot();
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        int rc;
        try {
            rc = switch (args[0]) {
                case "up" -> up(root, rest, out);
                case "down" -> down(root, out);
                case "status" -> status(root, out);
                case "topics" -> topics(root, out);
                case "tail" -> tail(root, rest, out);
                case "psql-command" -> psqlCommand(root, out);
                case "state" -> state(root, rest, out);
                default -> {
                    usage(System.err);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println("learnflow: " + e.getMessage());
            rc = 2;
        }
        System.exit(rc);
    }

    static void usage(PrintStream out) {
        out.println("""
                usage: ./learnflow <command>
                  up [--build] [--data-dir DIR] [--services a,b] [--no-demo] [--health-timeout SECONDS]
                     [--start-concurrency N]
                                 start Kafka, PostgreSQL, sidecars and all services; Ctrl-C stops everything
                  down           stop a running mesh (from any terminal)
                  status         show what runs and whether it is healthy
                  check          are Java, Maven, Node, python3, bubblewrap and the ports ready?
                  logs <name> [-f]  show a log: a service, or kafka, postgres, sidecars
                  topics         topics of the running mesh with messages and consumer-group lag
                  tail <topic> [--from-beginning] [-n N]   print CloudEvents as they pass
                  psql           open the mesh's database with psql
                  state <app> <key>   read a state key through that app's sidecar, as the app would
                environment: KAFKA_BOOTSTRAP_SERVERS (use this Kafka), LEARNFLOW_DB_URL or LEARNFLOW_DB_HOST
                  (+ _PORT, _NAME, _USER, _PASSWORD) (use this PostgreSQL)""");
    }

    /** The repository: -Dlearnflow.home (set by ./learnflow), else the working directory or a parent of it. */
    static Path repoRoot() {
        String home = System.getProperty("learnflow.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("dapr")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalArgumentException("run from inside the LearnFlow repository (or set -Dlearnflow.home)");
    }

    // --- up ---------------------------------------------------------------------------------------------------

    static int up(Path root, List<String> args, PrintStream out) {
        LauncherOptions.Builder b = LauncherOptions.fromEnvironment(root, System.getenv());
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--build" -> {
                    // handled by the script
                }
                case "--data-dir" -> b.dataDir(Path.of(value(args, ++i, a)));
                case "--no-demo" -> b.demoAccounts(false);
                case "--start-concurrency" -> b.startConcurrency(Integer.parseInt(value(args, ++i, a)));
                case "--health-timeout" -> b.healthTimeout(Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
                case "--services" -> {
                    List<ServiceDef> list = new ArrayList<>();
                    for (String n : value(args, ++i, a).split(",")) {
                        list.add(ServiceDef.byName(n.trim())
                                .orElseThrow(() -> new IllegalArgumentException("unknown service " + n)));
                    }
                    b.services(list);
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        LauncherOptions options = b.build();
        quietConsoleLogging(options);
        Mesh mesh = Mesh.create(options);
        Thread hook = new Thread(mesh::close, "learnflow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            mesh.startAll();
        } catch (RuntimeException e) {
            // Mesh has printed what failed and stopped what it had started.
            return e instanceof java.util.concurrent.CancellationException ? 130 : 1;
        }
        // sidecars and Kafka grow the heap under load: give it back when the mesh goes quiet, as the services do
        dev.learnflow.platform.memory.IdleHeapRelease.start();
        out.println();
        out.print(mesh.table());
        if (mesh.services().containsKey("gateway")) {
            out.println("Open the web client: http://localhost:8180/ (API docs: http://localhost:8180/docs)");
        }
        out.println("Stop with Ctrl-C here or ./learnflow down in another terminal.");
        try {
            mesh.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** The console shows the launcher's own progress; library logs go to files (WARN and up still show). */
    static void quietConsoleLogging(LauncherOptions options) {
        Logger rootLogger = Logger.getLogger("");
        for (Handler h : rootLogger.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                h.setLevel(Level.WARNING);
            }
        }
        dev.learnflow.local.infra.InfraLogging.routeToFile(List.of("dev.learnflow.local.infra", "org.flywaydb"),
                options.logDir().resolve("launcher.log"), Level.INFO);
    }

    // --- down -------------------------------------------------------------------------------------------------

    static int down(Path root, PrintStream out) {
        RunFiles run = new RunFiles(root.resolve(".learnflow/run"));
        OptionalLong launcher = run.readPid(RunFiles.LAUNCHER);
        boolean any = false;
        if (launcher.isPresent() && Processes.isAlive(launcher.getAsLong())) {
            any = true;
            ProcessHandle h = ProcessHandle.of(launcher.getAsLong()).orElseThrow();
            out.printf("Stopping LearnFlow (launcher pid %d)…%n", h.pid());
            h.destroy(); // SIGTERM: the launcher's shutdown hook stops services, sidecars, Kafka, PostgreSQL
            long t = System.nanoTime();
            while (h.isAlive() && System.nanoTime() - t < Duration.ofSeconds(120).toNanos()) {
                Processes.awaitExit(List.of(h), Duration.ofSeconds(5));
                if (h.isAlive()) {
                    out.printf("  … waiting (%.0f s)%n", (System.nanoTime() - t) / 1e9);
                }
            }
            if (h.isAlive()) {
                out.println("  launcher did not stop in time; killing it");
                h.destroyForcibly();
                Processes.awaitExit(List.of(h), Duration.ofSeconds(10));
            }
        }
        // Whatever a killed launcher left behind.
        Map<String, Long> left = new LinkedHashMap<>(run.pids());
        left.remove(RunFiles.LAUNCHER);
        left.values().removeIf(pid -> !Processes.isAlive(pid));
        if (!left.isEmpty()) {
            any = true;
            Mesh.stopLeftovers(run, out);
        }
        run.clear();
        out.println(any ? "LearnFlow is stopped." : "LearnFlow is not running.");
        return 0;
    }

    // --- looking inside -----------------------------------------------------------------------------------------

    private static Properties runningMesh(Path root) {
        Properties mesh = new RunFiles(root.resolve(".learnflow/run")).readMesh();
        if (mesh.isEmpty()) {
            throw new IllegalArgumentException("LearnFlow is not running (start it with ./learnflow up)");
        }
        return mesh;
    }

    static int topics(Path root, PrintStream out) {
        try {
            out.print(MeshTools.topicsTable(MeshTools.topics(runningMesh(root).getProperty("kafka.bootstrap"))));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (java.util.concurrent.ExecutionException e) {
            System.err.println("learnflow: Kafka did not answer: " + e.getCause().getMessage());
            return 1;
        }
    }

    static int tail(Path root, List<String> args, PrintStream out) {
        String topic = null;
        boolean fromBeginning = false;
        int max = 0;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--from-beginning" -> fromBeginning = true;
                case "-n" -> max = Integer.parseInt(value(args, ++i, "-n"));
                default -> {
                    if (topic != null || args.get(i).startsWith("-")) {
                        throw new IllegalArgumentException("usage: ./learnflow tail <topic> [--from-beginning] [-n N]");
                    }
                    topic = args.get(i);
                }
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("usage: ./learnflow tail <topic> [--from-beginning] [-n N]");
        }
        String bootstrap = runningMesh(root).getProperty("kafka.bootstrap");
        System.err.printf("tailing %s on %s (Ctrl-C stops)%n", topic, bootstrap);
        MeshTools.tail(bootstrap, topic, fromBeginning, max, out, () -> false);
        return 0;
    }

    /** The psql command line, one argument per line (the script runs it, so psql gets the terminal). */
    static int psqlCommand(Path root, PrintStream out) {
        MeshTools.psqlCommand(runningMesh(root)).forEach(out::println);
        return 0;
    }

    static int state(Path root, List<String> args, PrintStream out) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("usage: ./learnflow state <app> <key>");
        }
        try {
            var r = MeshTools.state(runningMesh(root), args.get(0), args.get(1));
            out.println(MeshTools.describeState(args.get(0), args.get(1), r.statusCode(), r.body()));
            return r.statusCode() == 200 || r.statusCode() == 204 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            System.err.println("learnflow: sidecar of " + args.get(0) + " did not answer: " + e.getMessage());
            return 1;
        }
    }

    // --- status -----------------------------------------------------------------------------------------------

    static int status(Path root, PrintStream out) {
        RunFiles run = new RunFiles(root.resolve(".learnflow/run"));
        OptionalLong launcher = run.readPid(RunFiles.LAUNCHER);
        Properties mesh = run.readMesh();
        boolean up = launcher.isPresent() && Processes.isAlive(launcher.getAsLong());
        if (!up) {
            Map<String, Long> left = new LinkedHashMap<>(run.pids());
            left.remove(RunFiles.LAUNCHER);
            left.values().removeIf(pid -> !Processes.isAlive(pid));
            out.println("LearnFlow is not running." + (left.isEmpty() ? ""
                    : " Left-over processes " + left + ": ./learnflow down stops them."));
            return left.isEmpty() ? 3 : 1;
        }
        if (mesh.isEmpty()) {
            out.printf("LearnFlow is starting (launcher pid %d).%n", launcher.getAsLong());
            return 0;
        }
        String fmt = "%-15s %-23s %-12s %-8s %-9s %-8s %s%n";
        out.printf(fmt, "SERVICE", "URL", "SIDECAR", "PID", "MEMORY", "SIDECAR", "APP");
        long total = Processes.rssBytes(launcher.getAsLong()).orElse(0);
        long totalPss = Processes.pssBytes(launcher.getAsLong()).orElse(total);
        int notReady = 0;
        for (String name : mesh.getProperty("services", "").split(",")) {
            if (name.isBlank()) {
                continue;
            }
            int port = Integer.parseInt(mesh.getProperty("service." + name + ".port"));
            int http = Integer.parseInt(mesh.getProperty("service." + name + ".sidecar.http"));
            int grpc = Integer.parseInt(mesh.getProperty("service." + name + ".sidecar.grpc"));
            OptionalLong pid = run.readPid(name);
            boolean alive = pid.isPresent() && Processes.isAlive(pid.getAsLong());
            long rss = alive ? ProcessHandle.of(pid.getAsLong()).map(Processes::treeRssBytes).orElse(0L) : 0;
            total += rss;
            totalPss += alive ? ProcessHandle.of(pid.getAsLong()).map(Processes::treePssBytes).orElse(0L) : 0;
            String sidecar = Health.sidecarHealthy(http) ? "healthy" : "DOWN";
            String app = !alive ? "EXITED" : Health.serviceReady(port) ? "ready" : "NOT READY";
            if (!"ready".equals(app) || !"healthy".equals(sidecar)) {
                notReady++;
            }
            out.printf(fmt, name, "http://127.0.0.1:" + port, http + "/" + grpc,
                    pid.isPresent() ? pid.getAsLong() : "-", alive ? Processes.formatBytes(rss) : "-", sidecar, app);
        }
        OptionalLong pg = run.readPid(RunFiles.POSTGRES);
        if (pg.isPresent()) {
            total += ProcessHandle.of(pg.getAsLong()).map(Processes::treeRssBytes).orElse(0L);
            totalPss += ProcessHandle.of(pg.getAsLong()).map(Processes::treePssBytes).orElse(0L);
        }
        out.println();
        out.printf("Kafka       %s%s%n", mesh.getProperty("kafka.bootstrap"),
                Boolean.parseBoolean(mesh.getProperty("kafka.embedded")) ? " (embedded)" : " (external)");
        out.printf("PostgreSQL  %s%s%n", mesh.getProperty("db.url"),
                Boolean.parseBoolean(mesh.getProperty("db.embedded")) ? " (embedded)" : "");
        out.printf("Launcher    pid %d, up since %s, started in %s ms%n", launcher.getAsLong(),
                mesh.getProperty("started.at"), mesh.getProperty("startup.millis"));
        out.printf("Memory      %s RSS (%s PSS) in total%n", Processes.formatBytes(total),
                Processes.formatBytes(totalPss));
        return notReady == 0 ? 0 : 1;
    }
}
