package dev.learnflow.local.testing;

import dev.learnflow.db.Migrations;
import dev.learnflow.local.infra.PostgresDatabases;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Makes sure the test database exists on the machine's PostgreSQL and is migrated (learnflow-db's
 * {@link Migrations}, what the launcher runs) before Quarkus starts: services no longer migrate themselves, they
 * wait for the schema. A fresh machine needs no manual setup. Host, port, user and name follow the LEARNFLOW_DB_*
 * variables.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String HOST = env("LEARNFLOW_DB_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("LEARNFLOW_DB_PORT", "5432"));
    public static final String USER = env("LEARNFLOW_DB_USER", "postgres");
    public static final String PASSWORD = env("LEARNFLOW_DB_PASSWORD", "");
    public static final String NAME = env("LEARNFLOW_TEST_DB_NAME", "learnflow_test");

    @Override
    public Map<String, String> start() {
        if (!PostgresDatabases.isReachable(HOST, PORT, USER, PASSWORD)) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + HOST + ":" + PORT
                    + " (start it, or set LEARNFLOW_DB_HOST/PORT/USER)");
        }
        PostgresDatabases.ensureDatabase(HOST, PORT, USER, PASSWORD, NAME);
        migrateOnce();
        return Map.of();
    }

    private static boolean migrated;

    /** Once per JVM: up-to-date is the normal case, and Flyway's lock makes parallel suites safe anyway. */
    static synchronized void migrateOnce() {
        if (!migrated) {
            Migrations.migrate(jdbcUrl(), USER, PASSWORD);
            migrated = true;
        }
    }

    @Override
    public void stop() {
    }

    /** JDBC URL of the test database. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
    }

    /** libpq-style connection string of the test database (what Dapr's state.postgresql takes). */
    public static String connectionString() {
        return "host=" + HOST + " port=" + PORT + " user=" + USER
                + (PASSWORD.isEmpty() ? "" : " password=" + PASSWORD) + " dbname=" + NAME + " sslmode=disable";
    }

    static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
