package dev.learnflow.local.sidecar.support;

import dev.learnflow.local.infra.EmbeddedKafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Shared test infrastructure: ports, component files, the machine's PostgreSQL, one embedded Kafka per JVM. */
public final class Fixtures {

    public static final String PG_HOST = System.getProperty("learnflow.test.db.host", "127.0.0.1");
    public static final String PG_DB = "lf_sidecar_test";
    private static EmbeddedKafka kafka;
    private static boolean databaseReady;

    private Fixtures() {
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the given YAML documents (file name → content) into a fresh directory. */
    public static Path components(Path dir, String... nameAndYaml) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i + 1 < nameAndYaml.length; i += 2) {
            Files.writeString(dir.resolve(nameAndYaml[i]), nameAndYaml[i + 1]);
        }
        return dir;
    }

    public static String inMemoryPubSub(String name) {
        return component(name, "pubsub.in-memory", "");
    }

    public static String inMemoryState(String name, boolean actorStore) {
        return component(name, "state.in-memory", actorStore ? "    - name: actorStateStore\n      value: \"true\"\n" : "");
    }

    public static String postgresState(String name, String table, boolean actorStore) {
        return component(name, "state.postgresql",
                "    - name: connectionString\n      value: \"" + pgConnectionString() + "\"\n"
                        + "    - name: tableName\n      value: \"" + table + "\"\n"
                        + (actorStore ? "    - name: actorStateStore\n      value: \"true\"\n" : ""));
    }

    public static String kafkaPubSub(String name) {
        return component(name, "pubsub.kafka",
                "    - name: brokers\n      value: \"" + kafka().bootstrapServers() + "\"\n"
                        + "    - name: consumerGroup\n      value: \"{appID}\"\n"
                        + "    - name: clientID\n      value: \"{appID}\"\n"
                        + "    - name: authType\n      value: \"none\"\n"
                        + "    - name: initialOffset\n      value: \"oldest\"\n");
    }

    /** A fresh resources directory with one pub/sub component "pubsub": {@code kafka} or {@code in-memory}. */
    public static Path pubsubComponents(String transport) throws IOException {
        String yaml = transport.equals("kafka") ? kafkaPubSub("pubsub") : inMemoryPubSub("pubsub");
        return components(java.nio.file.Files.createTempDirectory("pubsub-" + transport), "pubsub.yaml", yaml);
    }

    public static String component(String name, String type, String metadata) {
        return "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name + "\nspec:\n  type: " + type
                + "\n  version: v1\n  metadata:\n" + (metadata.isEmpty() ? "    []\n" : metadata);
    }

    public static String pgConnectionString() {
        ensureDatabase();
        return "host=" + PG_HOST + " port=5432 user=postgres database=" + PG_DB + " connect_timeout=10";
    }

    public static synchronized void ensureDatabase() {
        if (databaseReady) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":5432/postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + PG_DB + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + PG_DB);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_HOST + ":5432 is needed for these tests", e);
        }
        databaseReady = true;
    }

    public static Connection db() throws SQLException {
        ensureDatabase();
        return DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":5432/" + PG_DB, "postgres", "");
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.builder().quietLogging(true).start();
            EmbeddedKafka k = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(k::close));
        }
        return kafka;
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
        }
    }
}
