package dev.learnflow.local.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./learnflow up} needs on the machine, checked in a second or two BEFORE the (minutes-long) build:
 * Java 17+, Maven, Node.js 20+ (web client build), python3, bubblewrap with working user namespaces (the
 * code-execution sandbox), and free mesh ports. Every problem is one line with the command that fixes it.
 *
 * <p>Uses only the JDK, so the script runs it straight from source ({@code java Prerequisites.java up ...})
 * before anything is built. Tools are looked up on {@code LEARNFLOW_TOOLS_PATH} if set, else {@code PATH}.
 */
public final class Prerequisites {

    /** Service name and HTTP port, in sidecar-port order; must match {@code ServiceDef.ALL} (a test checks). */
    static final Map<String, Integer> SERVICE_PORTS = orderedPorts(
            "gateway", 8180, "triage", 8100, "concepts", 8101, "code-review", 8103, "debug", 8104,
            "exercise", 8105, "progress", 8106, "code-execution", 8107, "websocket", 8108, "notification", 8109);
    static final int SIDECAR_HTTP_BASE = 3500;
    static final int SIDECAR_GRPC_BASE = 50001;
    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final int POSTGRES_PORT = 15432;

    static final int MIN_JAVA = 17;
    static final int MIN_NODE = 20;

    private final Map<String, String> env;
    private final List<Path> searchPath;
    private final IntPredicate portIsFree;

    Prerequisites(Map<String, String> env, IntPredicate portIsFree) {
        this.env = env;
        String path = env.getOrDefault("LEARNFLOW_TOOLS_PATH", env.getOrDefault("PATH", ""));
        this.searchPath = Arrays.stream(path.split(":")).filter(s -> !s.isBlank()).map(Path::of).toList();
        this.portIsFree = portIsFree;
    }

    public static void main(String[] args) {
        List<String> problems = new Prerequisites(System.getenv(), Prerequisites::canBind)
                .check(Arrays.asList(args));
        System.exit(report(problems, System.err) ? 0 : 1);
    }

    /** Prints the problems (one line each); true when there are none. */
    static boolean report(List<String> problems, PrintStream err) {
        for (String p : problems) {
            err.println("learnflow: " + p);
        }
        return problems.isEmpty();
    }

    /** Problems for {@code ./learnflow <args>} (first arg the command); empty when everything is in place. */
    List<String> check(List<String> args) {
        List<String> problems = new ArrayList<>();
        boolean build = args.contains("--build") || args.contains("--needs-build");
        javaProblem().ifPresent(problems::add);
        if (build) {
            // Only the build needs Maven and Node; a built tree starts without them.
            tool("mvn").ifPresentOrElse(m -> { }, () -> problems.add(
                    "Maven is missing (it builds LearnFlow): sudo apt-get install maven"));
            nodeProblem().ifPresent(problems::add);
        }
        tool("python3").ifPresentOrElse(p -> { }, () -> problems.add(
                "python3 is missing (code-execution runs student programs with it): sudo apt-get install python3"));
        sandboxProblem().ifPresent(problems::add);
        problems.addAll(portProblems(services(args)));
        return problems;
    }

    // --- tools ------------------------------------------------------------------------------------------------

    Optional<String> javaProblem() {
        // The java the script runs (LEARNFLOW_JAVA), else the one JAVA_HOME or the tool path gives.
        Optional<Path> java = Optional.ofNullable(env.get("LEARNFLOW_JAVA")).filter(j -> !j.isBlank()).map(Path::of)
                .or(() -> Optional.ofNullable(env.get("JAVA_HOME")).filter(h -> !h.isBlank())
                        .map(h -> Path.of(h, "bin", "java")))
                .filter(Files::isExecutable).or(() -> tool("java"));
        String fix = "sudo apt-get install openjdk-17-jdk-headless";
        if (java.isEmpty()) {
            return Optional.of("Java " + MIN_JAVA + "+ is missing: " + fix);
        }
        Optional<Integer> major = run(java.get(), "-version").flatMap(Prerequisites::javaMajor);
        if (major.isEmpty()) {
            return Optional.of("cannot tell the version of " + java.get() + ": " + fix);
        }
        if (major.get() < MIN_JAVA) {
            return Optional.of("Java " + major.get() + " found (" + java.get() + "), LearnFlow needs " + MIN_JAVA
                    + "+: " + fix + " (or set JAVA_HOME to a JDK 17+)");
        }
        return Optional.empty();
    }

    Optional<String> nodeProblem() {
        String fix = "install Node.js " + MIN_NODE + "+ (Debian's nodejs is too old): "
                + "curl -fsSL https://deb.nodesource.com/setup_20.x | sudo bash - && sudo apt-get install nodejs";
        Optional<Path> node = tool("node");
        if (node.isEmpty()) {
            return Optional.of("Node.js is missing (it builds the web client); " + fix);
        }
        Optional<Integer> major = run(node.get(), "--version").flatMap(Prerequisites::nodeMajor);
        if (major.isPresent() && major.get() < MIN_NODE) {
            return Optional.of("Node.js " + major.get() + " found, the web client build needs " + MIN_NODE + "+; "
                    + fix);
        }
        return major.isEmpty() ? Optional.of("cannot tell the version of " + node.get() + "; " + fix)
                : Optional.empty();
    }

    /** bubblewrap must exist AND be able to create user namespaces (some kernels forbid that to non-root). */
    Optional<String> sandboxProblem() {
        Optional<Path> bwrap = tool("bwrap");
        if (bwrap.isEmpty()) {
            return Optional.of("bubblewrap is missing (code-execution's sandbox): sudo apt-get install bubblewrap");
        }
        Optional<String> failed = runFailure(bwrap.get(), "--unshare-all", "--ro-bind", "/", "/", "true");
        return failed.map(why -> "bubblewrap cannot create a sandbox (" + why + "); allow unprivileged user "
                + "namespaces: sudo sysctl -w kernel.unprivileged_userns_clone=1 (Ubuntu 24.04+: "
                + "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0)");
    }

    /** The executable {@code name} on the tool search path. */
    Optional<Path> tool(String name) {
        for (Path dir : searchPath) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static Optional<Integer> javaMajor(String versionOutput) {
        // `java -version`: openjdk version "17.0.15" ...; old style "1.8.0_392" means 8.
        Matcher m = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?").matcher(versionOutput);
        if (!m.find()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        return Optional.of(first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first);
    }

    static Optional<Integer> nodeMajor(String versionOutput) {
        Matcher m = Pattern.compile("v(\\d+)\\.").matcher(versionOutput);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    // --- ports ------------------------------------------------------------------------------------------------

    /** Services named by {@code --services a,b}, else all ten. */
    static List<String> services(List<String> args) {
        int i = args.indexOf("--services");
        if (i < 0 || i + 1 >= args.size()) {
            return List.copyOf(SERVICE_PORTS.keySet());
        }
        return Arrays.stream(args.get(i + 1).split(",")).map(String::trim)
                .filter(SERVICE_PORTS::containsKey).toList();
    }

    /** Every port the mesh will listen on, with what listens there. */
    Map<Integer, String> meshPorts(List<String> services) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        List<String> order = List.copyOf(SERVICE_PORTS.keySet());
        for (String s : services) {
            int index = order.indexOf(s);
            ports.put(SERVICE_PORTS.get(s), s);
            ports.put(SIDECAR_HTTP_BASE + index, s + " sidecar HTTP");
            ports.put(SIDECAR_GRPC_BASE + index, s + " sidecar gRPC");
        }
        if (blank("KAFKA_BOOTSTRAP_SERVERS")) {
            ports.put(KAFKA_PORT, "embedded Kafka");
            ports.put(KAFKA_CONTROLLER_PORT, "embedded Kafka controller");
        }
        if (blank("LEARNFLOW_DB_URL") && blank("LEARNFLOW_DB_HOST")) {
            ports.put(POSTGRES_PORT, "embedded PostgreSQL");
        }
        return ports;
    }

    List<String> portProblems(List<String> services) {
        List<String> busy = new ArrayList<>();
        meshPorts(services).forEach((port, what) -> {
            if (!portIsFree.test(port)) {
                busy.add(port + " (" + what + ")");
            }
        });
        if (busy.isEmpty()) {
            return List.of();
        }
        return List.of("ports already in use: " + String.join(", ", busy)
                + "; stop what holds them (a running LearnFlow: ./learnflow down; find others: ss -ltnp)");
    }

    private boolean blank(String key) {
        String v = env.get(key);
        return v == null || v.isBlank();
    }

    /** True if nothing listens on 127.0.0.1:port and it can be bound now (also {@link Mesh}'s check at start). */
    static boolean canBind(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // --- processes --------------------------------------------------------------------------------------------

    /** Output (stdout + stderr) of a command that exits 0 within 10 s. */
    private static Optional<String> run(Path exe, String... args) {
        Result r = exec(exe, args);
        return r.exit == 0 ? Optional.of(r.output) : Optional.empty();
    }

    /** Empty when the command succeeds, else its first line of output (or why it did not run). */
    private static Optional<String> runFailure(Path exe, String... args) {
        Result r = exec(exe, args);
        if (r.exit == 0) {
            return Optional.empty();
        }
        String first = r.output.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit code " + r.exit);
        return Optional.of(first.trim());
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(Path exe, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(64 * 1024);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static Map<String, Integer> orderedPorts(Object... nameThenPort) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenPort.length; i += 2) {
            m.put((String) nameThenPort[i], (Integer) nameThenPort[i + 1]);
        }
        return m;
    }
}
