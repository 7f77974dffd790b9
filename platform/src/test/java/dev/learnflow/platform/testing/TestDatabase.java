package dev.learnflow.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Makes sure the test database exists on the machine's PostgreSQL before Quarkus starts and runs Flyway,
 * so a fresh machine needs no manual setup. Host, port, user and name follow the LEARNFLOW_DB_* variables.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String host = env("LEARNFLOW_DB_HOST", "127.0.0.1");
        String port = env("LEARNFLOW_DB_PORT", "5432");
        String user = env("LEARNFLOW_DB_USER", "postgres");
        String password = env("LEARNFLOW_DB_PASSWORD", "");
        String name = env("LEARNFLOW_TEST_DB_NAME", "learnflow_test");
        String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            if (!exists(c, name)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
                } catch (SQLException raced) {
                    // Another test JVM may have created it a moment ago.
                    if (!exists(c, name)) {
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + adminUrl
                    + " (start it, or set LEARNFLOW_DB_HOST/PORT/USER): " + e.getMessage(), e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
