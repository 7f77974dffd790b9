package dev.learnflow.local.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the builders of the embedded servers ({@link EmbeddedKafka}, {@link EmbeddedPostgres}) share: the port, where
 * the data lives and where the server's own log goes.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class EmbeddedServerBuilder<B extends EmbeddedServerBuilder<B>> {

    int port;
    Path dataDir;
    Path logFile;
    boolean quietLogging = true;
    final Map<String, String> settings = new LinkedHashMap<>();

    EmbeddedServerBuilder() {
    }

    /** The port clients connect to; 0 (default) picks a free one (Kafka keeps it across a restart). */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /**
     * Where the server keeps its data. Given: kept after close and reused by the next start (data survives
     * restarts). Not given: a temporary directory, deleted on close.
     */
    public B dataDir(Path dataDir) {
        this.dataDir = dataDir;
        return self();
    }

    /** Send the server's own log (INFO and up) to this file instead of the console. */
    public B logFile(Path file) {
        this.logFile = file;
        return self();
    }

    /** Without a log file: turn the server's own chatty INFO log down to WARN (default true). */
    public B quietLogging(boolean quiet) {
        this.quietLogging = quiet;
        return self();
    }

    /**
     * Any setting of the server itself (a Kafka broker property, a {@code postgresql.conf} setting such as
     * {@code max_connections}); overrides the embedded defaults.
     */
    public B setting(String key, String value) {
        settings.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return self();
    }

    /** Routes the server's log as configured: to the log file if there is one, else quieted if asked. */
    void routeLogging(Consumer<Path> toFile, Runnable quiet) {
        if (logFile != null) {
            toFile.accept(logFile);
        } else if (quietLogging) {
            quiet.run();
        }
    }

    /**
     * Runs the step that completes a server's start; if it fails, the half-started server is closed (its temporary
     * data deleted, its ports freed) before the failure goes on to the caller.
     */
    static <S extends AutoCloseable> S completeOrClose(S server, Consumer<? super S> lastStep) {
        try {
            lastStep.accept(server);
        } catch (RuntimeException e) {
            try {
                server.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return server;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
