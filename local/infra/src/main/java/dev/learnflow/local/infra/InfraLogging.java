package dev.learnflow.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded servers' logs out of the way. Kafka and PostgreSQL log through SLF4J; these settings act on
 * the {@code java.util.logging} logger tree, which is where SLF4J ends up with {@code slf4j-jdk14} (launcher, tests
 * of this module) and with the JBoss LogManager (Quarkus). With another SLF4J backend configure that instead.
 */
public final class InfraLogging {

    /** Logger names that Kafka (broker and clients) uses. */
    public static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger",
            "org.apache.kafka.clients", "org.apache.kafka.common");

    /** Kafka loggers that warn about normal events of a one-node embedded broker (activation, shutdown). */
    static final List<String> KAFKA_NOISE = List.of("org.apache.kafka.controller.ActivationRecordsGenerator",
            "org.apache.kafka.clients.NetworkClient", "kafka.server.NodeToControllerRequestThread");

    /** Logger names of the embedded PostgreSQL wrapper. */
    public static final List<String> POSTGRES_LOGGERS = List.of("io.zonky.test.db.postgres");

    /** The embedded PostgreSQL wrapper logs WARN and above only. */
    public static synchronized void quietPostgres() {
        for (String name : POSTGRES_LOGGERS) {
            java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
            if (l.getLevel() == null || l.getLevel().intValue() < Level.WARNING.intValue()) {
                l.setLevel(Level.WARNING);
            }
            PINNED.add(l);
        }
    }

    // java.util.logging keeps loggers weakly: hold them so their levels stay.
    private static final List<java.util.logging.Logger> PINNED = new ArrayList<>();
    private static boolean exitGuardInstalled;
    private static FileHandler kafkaFileHandler;

    private InfraLogging() {
    }

    /** Kafka logs WARN and above only. */
    public static synchronized void quietKafka() {
        if (kafkaFileHandler != null) {
            return; // already routed to a file
        }
        for (String name : KAFKA_LOGGERS) {
            java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
            l.setLevel(Level.WARNING);
            PINNED.add(l);
        }
        for (String name : KAFKA_NOISE) {
            java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
            l.setLevel(Level.SEVERE);
            PINNED.add(l);
        }
    }

    /** Kafka's log (INFO and above) goes to {@code file} (appended) and not to the console. */
    public static synchronized void kafkaToFile(Path file) {
        routeToFile(KAFKA_LOGGERS, file, Level.INFO);
    }

    /** Routes the given logger trees to a file (appended), not to the console. */
    public static synchronized void routeToFile(List<String> loggers, Path file, Level level) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            FileHandler h = new FileHandler(file.toString(), true);
            h.setFormatter(new SimpleFormatter());
            h.setLevel(level);
            for (String name : loggers) {
                java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
                for (Handler old : l.getHandlers()) {
                    if (old instanceof FileHandler) {
                        l.removeHandler(old);
                        old.close();
                    }
                }
                l.setLevel(level);
                l.addHandler(h);
                l.setUseParentHandlers(false);
                PINNED.add(l);
            }
            if (loggers == KAFKA_LOGGERS) {
                kafkaFileHandler = h;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open log file " + file, e);
        }
    }

    /** Sets the level of a logger tree (e.g. {@code "org.apache.kafka"}, WARNING). */
    public static synchronized void level(String logger, Level level) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(logger);
        l.setLevel(level);
        PINNED.add(l);
    }

    /**
     * Kafka calls {@code Exit.exit/halt} on fatal errors, which would end the whole JVM (launcher, tests) without
     * running shutdown hooks and so leave child processes behind. Embedded, a fatal broker error is logged and
     * thrown in the broker thread instead.
     */
    static synchronized void installKafkaExitGuard() {
        if (exitGuardInstalled) {
            return;
        }
        exitGuardInstalled = true;
        Exit.setExitProcedure((status, message) -> {
            LoggerFactory.getLogger(EmbeddedKafka.class).error("embedded Kafka asked to exit({}): {}", status, message);
            throw new IllegalStateException("embedded Kafka asked to exit(" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            LoggerFactory.getLogger(EmbeddedKafka.class).error("embedded Kafka asked to halt({}): {}", status, message);
            throw new IllegalStateException("embedded Kafka asked to halt(" + status + "): " + message);
        });
    }
}
