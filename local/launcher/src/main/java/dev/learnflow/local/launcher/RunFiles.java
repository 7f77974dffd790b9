package dev.learnflow.local.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The launcher's run directory ({@code .learnflow/run}): one {@code <name>.pid} file per process it owns
 * ({@code launcher}, each service, {@code postgres}) and {@code mesh.properties} with ports and URLs, so that
 * {@code ./learnflow down} and {@code status} work from another terminal.
 */
public final class RunFiles {

    public static final String LAUNCHER = "launcher";
    public static final String POSTGRES = "postgres";
    private static final String MESH = "mesh.properties";
    /** Access tokens of the demo users of the running mesh (removed on stop). */
    public static final String DEMO_TOKENS = "demo-tokens.env";

    private final Path dir;

    public RunFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public void writePid(String name, long pid) {
        write(dir.resolve(name + ".pid"), Long.toString(pid) + "\n");
    }

    public OptionalLong readPid(String name) {
        Path f = dir.resolve(name + ".pid");
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(f, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public void removePid(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Every recorded pid by name. */
    public Map<String, Long> pids() {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".pid")).sorted().forEach(p -> {
                String name = p.getFileName().toString();
                name = name.substring(0, name.length() - 4);
                OptionalLong pid = readPid(name);
                if (pid.isPresent()) {
                    out.put(name, pid.getAsLong());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public void writeMesh(Map<String, String> values) {
        Properties p = new Properties();
        p.putAll(values);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(MESH + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "written by the LearnFlow launcher");
            }
            // It holds the run's sidecar API tokens: owner only.
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, dir.resolve(MESH), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Properties readMesh() {
        Properties p = new Properties();
        Path f = dir.resolve(MESH);
        if (Files.exists(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    /** Removes every pid file and the mesh description. */
    public void clear() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".pid") || n.startsWith(MESH) || n.equals(DEMO_TOKENS);
            }).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    private void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
