package dev.learnflow.codeexecution.client;

import dev.learnflow.codeexecution.config.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds bubblewrap, setpriv and the Python interpreter on this machine and builds the exact command line of a
 * sandbox. Resolution happens once; if something is missing, {@link #problem()} says what and the sandbox stays
 * unavailable (fail closed): there is no code path that runs student code without bwrap.
 */
@ApplicationScoped
public class SandboxEnvironment {

    private static final Logger LOG = Logger.getLogger(SandboxEnvironment.class);
    private static final List<String> BWRAP_CANDIDATES = List.of("/usr/bin/bwrap", "/usr/local/bin/bwrap");
    private static final List<String> SETPRIV_CANDIDATES = List.of("/usr/bin/setpriv", "/bin/setpriv");
    private static final List<String> PYTHON_CANDIDATES = List.of("/usr/bin/python3", "/usr/local/bin/python3");
    /** System library folders every dynamically linked interpreter needs; read-only inside. */
    private static final List<String> SYSTEM_BINDS = List.of("/usr/lib", "/usr/lib64", "/usr/share/zoneinfo");
    /** The only variables the sandboxed program sees. */
    public static final Map<String, String> SANDBOX_ENV = Map.of(
            "PATH", "/usr/local/bin:/usr/bin:/bin",
            "HOME", "/tmp",
            "TMPDIR", "/tmp",
            "LANG", "C.UTF-8",
            "LC_ALL", "C.UTF-8");

    /**
     * What was found; immutable. {@code supervisorCode} is the supervisor compiled by this very interpreter and
     * marshalled (base64): loading it costs well under a millisecond, compiling its source on every run did not.
     */
    public record Resolved(Path bwrap, Optional<Path> setpriv, Path python, String pythonVersion,
                           List<Path> readOnlyBinds, boolean serviceIsRoot, String supervisorCode) {
    }

    /** Runs inside the sandbox as {@code python3 -c}: loads the marshalled supervisor passed as argv[1]. */
    static final String BOOTSTRAP = "import marshal,binascii,sys;"
            + "exec(marshal.loads(binascii.a2b_base64(sys.argv[1])))";

    private final SandboxConfig config;
    private final String supervisorSource;
    private volatile Resolved resolved;
    private volatile String problem;

    @Inject
    public SandboxEnvironment(SandboxConfig config) {
        this.config = config;
        this.supervisorSource = loadSupervisor();
    }

    /** (Re-)resolves the tools; cheap enough to call again when a failed self-test is retried. */
    public synchronized void resolve() {
        try {
            boolean root = currentUid() == 0;
            Path bwrap = findExecutable(config.bwrap(), BWRAP_CANDIDATES, "bwrap")
                    .orElseThrow(() -> new IllegalStateException(
                            "bubblewrap (bwrap) is not installed; install the Debian package 'bubblewrap'"));
            Optional<Path> setpriv = Optional.empty();
            if (root) {
                if ("off".equalsIgnoreCase(config.setpriv())) {
                    throw new IllegalStateException("the service runs as root and learnflow.sandbox.setpriv=off: "
                            + "refusing to map the sandbox to host root");
                }
                setpriv = Optional.of(findExecutable(config.setpriv(), SETPRIV_CANDIDATES, "setpriv")
                        .orElseThrow(() -> new IllegalStateException("the service runs as root but util-linux "
                                + "setpriv is missing, so the sandbox cannot run as an unprivileged host uid")));
            }
            Interpreter python = findPython();
            Set<Path> binds = new LinkedHashSet<>();
            for (String system : SYSTEM_BINDS) {
                Path p = Path.of(system);
                if (Files.isDirectory(p)) {
                    binds.add(p);
                }
            }
            if (!python.prefix().equals(Path.of("/usr"))) {
                binds.add(python.prefix()); // e.g. a pyenv install: its stdlib and libpython live there
            }
            if (!python.executable().startsWith(python.prefix()) || python.prefix().equals(Path.of("/usr"))) {
                binds.add(python.executable());
            }
            for (String extra : config.extraBinds()) {
                binds.add(Path.of(extra).toAbsolutePath().normalize());
            }
            String code = compileSupervisor(python.executable());
            resolved = new Resolved(bwrap, setpriv, python.executable(), python.version(), List.copyOf(binds), root,
                    code);
            problem = null;
        } catch (RuntimeException e) {
            resolved = null;
            problem = e.getMessage();
            LOG.errorf("Sandbox unavailable: %s", e.getMessage());
        }
    }

    public Optional<Resolved> resolved() {
        return Optional.ofNullable(resolved);
    }

    /** Why the sandbox cannot be built, or null. */
    public String problem() {
        return problem;
    }

    public String supervisorSource() {
        return supervisorSource;
    }

    /** The host uid a pool slot runs as when the service is root. */
    public int hostUid(int slot) {
        return config.hostUidBase() + slot;
    }

    /**
     * The full command of one sandbox. Namespaces: user (unprivileged uid, no capabilities, nested user
     * namespaces disabled), pid (the supervisor is its init, so nothing inside can signal it, and when it exits
     * the kernel kills everything left), ipc, uts, net (loopback only, nothing listening), cgroup, mount. File system:
     * read-only system libraries and the interpreter, fresh size-limited tmpfs for /tmp (the working directory)
     * and /dev/shm, read-only root and /dev, no /etc, no /home, nothing of the service.
     */
    public List<String> command(Resolved r, int slot) {
        SandboxConfig.Limits limits = config.limits();
        List<String> cmd = new ArrayList<>();
        if (r.setpriv().isPresent()) {
            int uid = hostUid(slot);
            cmd.addAll(List.of(r.setpriv().get().toString(), "--reuid=" + uid, "--regid=" + uid,
                    "--clear-groups", "--"));
        }
        String uid = Integer.toString(config.sandboxUid());
        cmd.addAll(List.of(r.bwrap().toString(),
                "--unshare-all", "--unshare-user", "--disable-userns", "--as-pid-1",
                "--die-with-parent", "--new-session", "--clearenv", "--cap-drop", "ALL",
                "--uid", uid, "--gid", uid, "--hostname", "sandbox"));
        for (Path bind : r.readOnlyBinds()) {
            cmd.addAll(List.of("--ro-bind", bind.toString(), bind.toString()));
        }
        cmd.addAll(List.of(
                "--symlink", "usr/lib", "/lib",
                "--symlink", "usr/lib64", "/lib64",
                "--proc", "/proc",
                "--dev", "/dev",
                "--size", Long.toString(limits.shmBytes()), "--tmpfs", "/dev/shm",
                "--remount-ro", "/dev",
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/tmp",
                "--chdir", "/tmp"));
        SANDBOX_ENV.forEach((k, v) -> cmd.addAll(List.of("--setenv", k, v)));
        cmd.addAll(List.of("--remount-ro", "/", "--",
                r.python().toString(), "-I", "-S", "-B", "-u", "-c", BOOTSTRAP, r.supervisorCode()));
        return cmd;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Interpreter(Path executable, Path prefix, String version) {
    }

    private Interpreter findPython() {
        List<String> candidates = new ArrayList<>();
        if (!"auto".equalsIgnoreCase(config.python())) {
            candidates.add(config.python());
        } else {
            candidates.addAll(PYTHON_CANDIDATES);
            candidates.addAll(onPath("python3"));
        }
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (!Files.isExecutable(path)) {
                tried.add(candidate + " (missing)");
                continue;
            }
            try {
                return inspect(path);
            } catch (RuntimeException e) {
                tried.add(candidate + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalStateException("no usable python3 found: " + String.join(", ", tried));
    }

    /**
     * Asks the interpreter (our own trusted one-liner, run on the host) for its real executable and prefix: a
     * pyenv shim or a symlink resolves to the binary that must be bound into the sandbox.
     */
    private static Interpreter inspect(Path candidate) {
        ProcessBuilder pb = new ProcessBuilder(candidate.toString(), "-I", "-S", "-c",
                "import sys,os;print(os.path.realpath(sys.executable));print(sys.base_prefix);"
                        + "print('%d.%d.%d' % sys.version_info[:3])");
        pb.redirectErrorStream(true);
        pb.directory(Path.of("/").toFile());
        Map<String, String> env = pb.environment();
        String home = env.get("HOME");
        String pyenvRoot = env.get("PYENV_ROOT");
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        if (home != null) {
            env.put("HOME", home); // pyenv shims need it to find their versions
        }
        if (pyenvRoot != null) {
            env.put("PYENV_ROOT", pyenvRoot);
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(4096);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("did not answer");
            }
            String[] lines = new String(out, StandardCharsets.UTF_8).strip().split("\n");
            if (p.exitValue() != 0 || lines.length < 3) {
                throw new IllegalStateException("exit " + p.exitValue());
            }
            Path exe = Path.of(lines[0].strip()).toRealPath();
            Path prefix = Path.of(lines[1].strip()).toRealPath();
            String version = lines[2].strip();
            if (!version.startsWith("3.")) {
                throw new IllegalStateException("not Python 3: " + version);
            }
            return new Interpreter(exe, prefix, version);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /**
     * Compiles the supervisor with the interpreter the sandbox will run (our own trusted source, on the host) and
     * returns the marshalled code object as base64: marshal's format belongs to that exact Python version.
     */
    private String compileSupervisor(Path python) {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-I", "-S", "-c",
                "import marshal,binascii,sys;src=sys.stdin.buffer.read().decode('utf-8');"
                        + "sys.stdout.write(binascii.b2a_base64(marshal.dumps(compile(src,'supervisor.py','exec')),"
                        + "newline=False).decode('ascii'))");
        pb.directory(Path.of("/").toFile());
        pb.redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("LANG", "C.UTF-8");
        try {
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                in.write(supervisorSource.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out;
            try (InputStream stdout = p.getInputStream()) {
                out = stdout.readNBytes(4 << 20);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.length == 0) {
                p.destroyForcibly();
                String err = new String(out, 0, Math.min(out.length, 2000), StandardCharsets.UTF_8);
                throw new IllegalStateException("cannot compile the sandbox supervisor with " + python + ": " + err);
            }
            return new String(out, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot compile the sandbox supervisor: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static Optional<Path> findExecutable(String configured, List<String> candidates, String name) {
        List<String> all = new ArrayList<>();
        if (!"auto".equalsIgnoreCase(configured)) {
            all.add(configured);
        } else {
            all.addAll(candidates);
            all.addAll(onPath(name));
        }
        return all.stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .map(p -> {
                    try {
                        return p.toRealPath();
                    } catch (IOException e) {
                        return p;
                    }
                });
    }

    private static List<String> onPath(String name) {
        String path = System.getenv("PATH");
        List<String> found = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isBlank()) {
                    found.add(Path.of(dir, name).toString());
                }
            }
        }
        return found;
    }

    /** The service's own uid, from /proc (no native code needed). */
    public static int currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]); // effective uid
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("cannot read own uid: %s", e.getMessage());
        }
        return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }

    private static String loadSupervisor() {
        try (InputStream in = SandboxEnvironment.class.getResourceAsStream("/sandbox/supervisor.py")) {
            if (in == null) {
                throw new IllegalStateException("sandbox/supervisor.py missing from the service's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
